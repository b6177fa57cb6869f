import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { getModuleType, listModuleTypes } from '../../../core/program/modules/registry';
import { retrieveConfig } from '../../../core/program/modules/retrieve';
import { moduleSettings, newTool, parseToolParameters, rewardOf, settingErrors, switchRewardKind, toolsOf, withSetting } from './module-settings';

const retrieveLike = z.object({
  corpusId: z.string().min(1, 'choose a corpus').describe('The corpus to search.'),
  k: z.number().int().min(1).default(3).describe('How many passages.'),
});
const codeLike = z.object({ code: z.string().min(1, 'write the code').describe('The body.'), timeoutMs: z.number().int().optional() });
const tool = z.object({ name: z.string().min(1, 'name the tool'), description: z.string(), parameters: z.record(z.string(), z.unknown()), code: z.string() });
const reactLike = z.object({ tools: z.array(tool).default([]).describe('The tools.'), max_iters: z.number().int().min(1).default(20), model: z.string().optional() });

describe('moduleSettings', () => {
  it('gives Retrieve a corpus picker and a number field with its default and help', () => {
    const settings = moduleSettings(retrieveLike);
    expect(settings.map((s) => s.kind)).toEqual(['corpus', 'field']);
    expect(settings[0]).toMatchObject({ key: 'corpusId', help: 'The corpus to search.' });
    expect(settings[1]).toMatchObject({ field: { kind: 'number', key: 'k', integer: true, defaultValue: 3, min: 1 } });
  });

  it('gives a Code node a code editor and ReAct a tools editor; model stays with the inspector', () => {
    expect(moduleSettings(codeLike).map((s) => [s.kind, s.kind === 'field' ? s.field.key : s.key])).toEqual([
      ['code', 'code'],
      ['field', 'timeoutMs'],
    ]);
    expect(moduleSettings(reactLike).map((s) => [s.kind, s.kind === 'field' ? s.field.key : s.key])).toEqual([
      ['tools', 'tools'],
      ['field', 'max_iters'],
    ]);
  });
});

describe('the registered module types', () => {
  const kinds = (id: string) => {
    const schema = getModuleType(id)?.configSchema;
    if (!schema) throw new Error(`${id} has no config schema`);
    return moduleSettings(schema).map((s) => `${s.kind}:${s.kind === 'field' ? s.field.key : s.key}`);
  };

  it('gives each its editors: corpus for Retrieve, code for Code, tools for ReAct, reward for BestOfN and Refine', () => {
    expect(kinds('Retrieve')).toEqual(['corpus:corpusId', 'field:k', 'field:search', 'field:embeddingModel']);
    const retrieve = moduleSettings(retrieveConfig).flatMap((s) => (s.kind === 'field' ? [s.field] : []));
    expect(retrieve.find((f) => f.key === 'search')).toMatchObject({ kind: 'enum', options: ['bm25', 'embedding'], defaultValue: 'bm25' });
    expect(retrieve.find((f) => f.key === 'embeddingModel')).toMatchObject({ kind: 'string', optional: true });
    expect(kinds('Code')).toContain('code:code');
    expect(kinds('ReAct').slice(0, 2)).toEqual(['tools:tools', 'field:max_iters']);
    for (const id of ['BestOfN', 'Refine']) expect(kinds(id)).toEqual(expect.arrayContaining(['field:module', 'field:N', 'field:threshold', 'reward:reward']));
    expect(kinds('MultiChainComparison')).toContain('field:M');
  });

  it('leaves no setting of any module type without a control', () => {
    for (const type of listModuleTypes()) {
      if (!type.configSchema) continue;
      const shown = new Set(moduleSettings(type.configSchema).map((s) => (s.kind === 'field' ? s.field.key : s.key)));
      const keys = Object.keys(type.configSchema.shape).filter((k) => !['model', 'temperature', 'maxTokens', 'predictorStates'].includes(k));
      expect({ type: type.id, missing: keys.filter((k) => !shown.has(k)) }).toEqual({ type: type.id, missing: [] });
    }
  });

  it("accepts the tools editor's new tool and the reward editor's rewards", () => {
    const react = getModuleType('ReAct')?.configSchema;
    expect(react?.safeParse({ tools: [newTool([])] }).success).toBe(true);
    const attempts = getModuleType('BestOfN')?.configSchema;
    expect(attempts?.safeParse({ reward: { kind: 'code', code: 'return 1;' } }).success).toBe(true);
    expect(attempts?.safeParse({ reward: switchRewardKind('metric', { metricId: 'exact-match', field: 'answer', reference: 'question' }) }).success).toBe(true);
    expect(rewardOf({})).toEqual({ kind: 'code', code: '' });
    expect(rewardOf({ reward: { kind: 'metric', metricId: 'f1', field: 'a' } })).toEqual({ kind: 'metric', metricId: 'f1', field: 'a', reference: '' });
  });
});

describe('settings values and errors', () => {
  it('sets a value, and removes it when cleared so the default applies', () => {
    expect(withSetting({ k: 3, model: 'm' }, 'k', 5)).toEqual({ k: 5, model: 'm' });
    expect(withSetting({ k: 3, model: 'm' }, 'k', undefined)).toEqual({ model: 'm' });
  });

  it('reports the schema messages per setting, naming the item inside a list', () => {
    expect(settingErrors(retrieveLike, { k: 0 })).toMatchObject({ corpusId: expect.any(String), k: expect.stringContaining('1') });
    expect(settingErrors(retrieveLike, { corpusId: 'c', k: 2 })).toEqual({});
    expect(settingErrors(reactLike, { tools: [{ name: '', description: '', parameters: {}, code: '' }] })).toEqual({ tools: '0.name: name the tool' });
  });
});

describe('tools', () => {
  it('reads tool parameters as a JSON object and says why when they are not', () => {
    expect(parseToolParameters('{"type": "object"}')).toEqual({ ok: true, value: { type: 'object' } });
    expect(parseToolParameters('')).toEqual({ ok: true, value: { type: 'object', properties: {} } });
    const bad = parseToolParameters('{"type": ');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatch(/not valid JSON/);
    const list = parseToolParameters('[1, 2]');
    expect(list.ok).toBe(false);
    if (!list.ok) expect(list.error).toMatch(/must be a JSON object/);
  });

  it('reads odd stored tools leniently and names new tools uniquely', () => {
    expect(toolsOf({ tools: [{ name: 'search', parameters: [1] }, null] })).toEqual([
      { name: 'search', description: '', parameters: { type: 'object', properties: {} }, code: '' },
      { name: '', description: '', parameters: { type: 'object', properties: {} }, code: '' },
    ]);
    expect(toolsOf({})).toEqual([]);
    const first = newTool([]);
    expect(first.name).toBe('tool_1');
    expect(newTool([first]).name).toBe('tool_2');
    expect(tool.safeParse(first).success).toBe(true);
  });
});
