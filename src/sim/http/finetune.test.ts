import { describe, expect, it } from 'vitest';
import { createSimService } from '../service';
import { MIN_TRAINING_EXAMPLES } from './finetune';

const SYSTEM = 'Your input fields are:\n1. `text` (str)\nYour output fields are:\n1. `label` (str)\nAll interactions will be structured in the following way, with the appropriate values filled in.';
const line = (i: number) => JSON.stringify({ messages: [{ role: 'system', content: SYSTEM }, { role: 'user', content: `[[ ## text ## ]]\nticket ${i}` }, { role: 'assistant', content: '[[ ## label ## ]]\nbilling\n\n[[ ## completed ## ]]' }] });

function multipart(content: string, purpose = 'fine-tune'): string {
  const b = '----sim-boundary';
  return `--${b}\r\nContent-Disposition: form-data; name="purpose"\r\n\r\n${purpose}\r\n--${b}\r\nContent-Disposition: form-data; name="file"; filename="train.jsonl"\r\nContent-Type: application/jsonl\r\n\r\n${content}\r\n--${b}--\r\n`;
}

async function call(service: ReturnType<typeof createSimService>, method: string, path: string, body = '') {
  const reply = await service.handle({ method, path, headers: {}, body });
  if (!('body' in reply)) throw new Error('expected a JSON body');
  return { status: reply.status, json: JSON.parse(reply.body) as Record<string, unknown> };
}

describe('simulated fine-tuning API', () => {
  it('stores a file, runs a job queued -> running -> succeeded, and names a deterministic model', async () => {
    const service = createSimService();
    const content = Array.from({ length: MIN_TRAINING_EXAMPLES }, (_, i) => line(i)).join('\n');
    const file = await call(service, 'POST', '/v1/files', multipart(content));
    expect(file).toMatchObject({ status: 200, json: { object: 'file', purpose: 'fine-tune' } });
    const created = await call(service, 'POST', '/v1/fine_tuning/jobs', JSON.stringify({ model: 'sim-1', training_file: file.json.id, suffix: 'demo' }));
    expect(created.json).toMatchObject({ object: 'fine_tuning.job', status: 'queued', fine_tuned_model: null });
    const path = `/v1/fine_tuning/jobs/${String(created.json.id)}`;
    expect((await call(service, 'GET', path)).json.status).toBe('running');
    const done = await call(service, 'GET', path);
    expect(done.json).toMatchObject({ status: 'succeeded', fine_tuned_model: expect.stringMatching(/^ft:sim-1:sim:demo:[0-9a-f]{8}$/) });
    const again = await call(service, 'POST', '/v1/fine_tuning/jobs', JSON.stringify({ model: 'sim-1', training_file: file.json.id, suffix: 'demo' }));
    const againPath = `/v1/fine_tuning/jobs/${String(again.json.id)}`;
    await call(service, 'GET', againPath);
    expect((await call(service, 'GET', againPath)).json.fine_tuned_model).toBe(done.json.fine_tuned_model);
  });

  it('serves the fine-tuned model as sim-1 that has seen its training examples', async () => {
    const service = createSimService();
    const content = Array.from({ length: MIN_TRAINING_EXAMPLES }, (_, i) => line(i)).join('\n');
    const file = await call(service, 'POST', '/v1/files', multipart(content));
    const job = await call(service, 'POST', '/v1/fine_tuning/jobs', JSON.stringify({ model: 'sim-1', training_file: file.json.id }));
    const path = `/v1/fine_tuning/jobs/${String(job.json.id)}`;
    await call(service, 'GET', path);
    const model = String((await call(service, 'GET', path)).json.fine_tuned_model);
    const messages = [{ role: 'system', content: SYSTEM }, { role: 'user', content: '[[ ## text ## ]]\nticket 3' }];
    const tuned = await call(service, 'POST', '/v1/chat/completions', JSON.stringify({ model, messages }));
    expect(tuned.status).toBe(200);
    expect(tuned.json.model).toBe(model);
    // The sim copies a demo's answer for an input it was shown: the trained pair is known.
    const text = (tuned.json.choices as { message: { content: string } }[])[0]?.message.content ?? '';
    expect(text).toContain('billing');
    const base = await call(service, 'POST', '/v1/chat/completions', JSON.stringify({ model: 'sim-1', messages }));
    expect((base.json.choices as { message: { content: string } }[])[0]?.message.content).not.toContain('billing');
    expect((tuned.json.usage as { prompt_tokens: number }).prompt_tokens).toBeGreaterThan(0);
  });

  it('fails a job whose file is too small or malformed, and rejects bad uploads and unknown jobs', async () => {
    const service = createSimService();
    const small = await call(service, 'POST', '/v1/files', multipart(line(1)));
    const job = await call(service, 'POST', '/v1/fine_tuning/jobs', JSON.stringify({ model: 'sim-1', training_file: small.json.id }));
    const path = `/v1/fine_tuning/jobs/${String(job.json.id)}`;
    await call(service, 'GET', path);
    expect((await call(service, 'GET', path)).json).toMatchObject({ status: 'failed', error: { code: 'invalid_training_file', message: expect.stringContaining('at least 10') } });
    const broken = await call(service, 'POST', '/v1/files', multipart(`${line(1)}\nnot json`));
    const job2 = await call(service, 'POST', '/v1/fine_tuning/jobs', JSON.stringify({ model: 'sim-1', training_file: broken.json.id }));
    const path2 = `/v1/fine_tuning/jobs/${String(job2.json.id)}`;
    await call(service, 'GET', path2);
    expect((await call(service, 'GET', path2)).json).toMatchObject({ status: 'failed', error: { message: 'Line 2 of the training file is not valid JSON.' } });
    expect((await call(service, 'POST', '/v1/files', multipart(line(1), 'assistants'))).status).toBe(400);
    expect((await call(service, 'POST', '/v1/fine_tuning/jobs', JSON.stringify({ model: 'sim-1', training_file: 'file-nope' }))).status).toBe(400);
    expect((await call(service, 'GET', '/v1/fine_tuning/jobs/ftjob-nope')).status).toBe(404);
  });

  it('cancels a running job', async () => {
    const service = createSimService();
    const file = await call(service, 'POST', '/v1/files', multipart(line(1)));
    const job = await call(service, 'POST', '/v1/fine_tuning/jobs', JSON.stringify({ model: 'sim-1', training_file: file.json.id }));
    const cancelled = await call(service, 'POST', `/v1/fine_tuning/jobs/${String(job.json.id)}/cancel`);
    expect(cancelled.json.status).toBe('cancelled');
  });
});
