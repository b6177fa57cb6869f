import { describe, expect, it } from 'vitest';
import { graphFromSignature } from '../program/build';
import { programState } from '../program/state';
import type { ProgramState } from '../program/types';
import { exportDspyJson, importDspyJson } from './dspy-json';

const qa = graphFromSignature(
  { instructions: 'Given the fields `question`, produce the fields `answer`.', inputs: [{ name: 'question', type: 'str' }], outputs: [{ name: 'answer', type: 'str' }] },
  { type: 'ChainOfThought', name: 'prog' },
);

function compiled(): ProgramState {
  const state = programState(qa);
  state['prog.predict']!.demos = [
    { augmented: true, question: 'What is 1+1?', reasoning: '1 plus 1 is 2.', answer: '2' },
    { question: 'Capital of France?', answer: 'Paris' },
  ];
  return state;
}

// The file DSPy 3.3.1 writes for `self.prog = dspy.ChainOfThought("question -> answer")` with
// these demos (reference/dspy.md §4), byte for byte.
const DSPY_FILE = `{
  "prog.predict": {
    "traces": [],
    "train": [],
    "demos": [
      {
        "augmented": true,
        "question": "What is 1+1?",
        "reasoning": "1 plus 1 is 2.",
        "answer": "2"
      },
      {
        "question": "Capital of France?",
        "answer": "Paris"
      }
    ],
    "signature": {
      "instructions": "Given the fields \`question\`, produce the fields \`answer\`.",
      "fields": [
        {
          "prefix": "Question:",
          "description": "\${question}"
        },
        {
          "prefix": "Reasoning:",
          "description": "\${reasoning}"
        },
        {
          "prefix": "Answer:",
          "description": "\${answer}"
        }
      ]
    },
    "lm": null
  },
  "metadata": {
    "dependency_versions": {
      "python": "3.11",
      "dspy": "3.3.1",
      "cloudpickle": "3.1"
    }
  }
}
`;

describe('DSPy JSON', () => {
  it('writes exactly the structure DSPy writes for a ChainOfThought program', () => {
    expect(exportDspyJson(qa, compiled())).toBe(DSPY_FILE);
  });

  it('round-trips export → import → export byte for byte', () => {
    const first = exportDspyJson(qa, compiled());
    const imported = importDspyJson(qa, first);
    expect(imported.ok).toBe(true);
    if (!imported.ok) return;
    expect(exportDspyJson(qa, imported.state)).toBe(first);
  });

  it("reads a file DSPy wrote, keeping DSPy's extra demo keys and ignoring extra predictors", () => {
    const file = JSON.parse(DSPY_FILE);
    file['prog.predict'].demos[1].dspy_uuid = 'b1f5';
    file['prog.predict'].demos[1].dspy_split = 'train';
    file['prog.predict'].signature.fields[1].prefix = "Reasoning: Let's think step by step in order to";
    file['prog.predict'].signature.fields[0].description = 'A trivia question';
    file['other.predict'] = file['prog.predict'];
    const imported = importDspyJson(qa, JSON.stringify(file));
    expect(imported.ok).toBe(true);
    if (!imported.ok) return;
    expect(imported.state['prog.predict']?.demos[1]).toMatchObject({ dspy_uuid: 'b1f5', dspy_split: 'train' });
    expect(imported.state['prog.predict']?.signature.inputs[0]?.desc).toBe('A trivia question');
    expect(imported.warnings).toContain("ignored 'other.predict': the program has no predictor of that name");
  });

  it('writes an lm entry without any key or base URL when a predictor has its own model', () => {
    const text = exportDspyJson(qa, compiled(), () => ({ model: 'openai/gpt-4o-mini', temperature: 0.2 }));
    const lm = JSON.parse(text)['prog.predict'].lm;
    expect(lm).toMatchObject({ _dspy_lm_class: 'dspy.clients.lm.LM', model: 'openai/gpt-4o-mini', temperature: 0.2 });
    expect(Object.keys(lm)).not.toContain('api_key');
    expect(Object.keys(lm)).not.toContain('api_base');
  });

  it("keeps a fine-tuned predictor's model in `lm` and reads it back", () => {
    const state = compiled();
    state['prog.predict'] = { ...state['prog.predict']!, model: 'ft:sim-1:abc123' };
    const text = exportDspyJson(qa, state);
    expect(JSON.parse(text)['prog.predict'].lm.model).toBe('ft:sim-1:abc123');
    const imported = importDspyJson(qa, text);
    expect(imported.ok && imported.state['prog.predict']?.model).toBe('ft:sim-1:abc123');
    if (imported.ok) expect(exportDspyJson(qa, imported.state)).toBe(text);
  });

  it('rejects a mismatch all or nothing, naming it', () => {
    const missing = importDspyJson(qa, JSON.stringify({ 'qa.predict': {} }));
    expect(missing).toEqual({ ok: false, error: "the file has no entry for predictor 'prog.predict' (it has: 'qa.predict')" });
    const file = JSON.parse(DSPY_FILE);
    file['prog.predict'].signature.fields.pop();
    expect(importDspyJson(qa, JSON.stringify(file))).toEqual({ ok: false, error: "'prog.predict' has 2 fields in the file but 3 in the program (question, reasoning, answer)" });
    const renamed = JSON.parse(DSPY_FILE);
    renamed['prog.predict'].signature.fields[0].prefix = 'Query:';
    expect(importDspyJson(qa, JSON.stringify(renamed))).toEqual({ ok: false, error: "'prog.predict' field 1 is 'Query:' in the file but 'question' in the program" });
    expect(importDspyJson(qa, '{ nope')).toMatchObject({ ok: false, error: expect.stringContaining('not valid JSON') });
  });
});
