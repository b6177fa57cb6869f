import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { labeledFewShotConfig } from '../../core/optimize/labeled-fewshot';
import { listOptimizers } from '../../core/optimize/registry';
import { configErrors, configFields, defaultConfig } from './config-fields';

describe('configFields', () => {
  it('reads bounds, integer-ness, defaults and help text off a registered optimizer schema', () => {
    expect(configFields(labeledFewShotConfig)).toEqual([
      { kind: 'number', key: 'k', help: 'Demos per predictor, sampled from the train set', integer: true, min: 1, max: 64, defaultValue: 16, optional: true },
    ]);
  });

  it('maps enums, booleans, optional numbers and nullable strings, and skips objects', () => {
    const schema = z.object({
      auto: z.enum(['light', 'medium', 'heavy']).default('light').describe('Search depth'),
      verbose: z.boolean().default(false).describe('Log more'),
      temperature: z.number().min(0).max(2).optional().describe('Sampling temperature'),
      name: z.string().nullable().default(null),
      nested: z.object({ x: z.number() }).default({ x: 1 }),
    });
    const fields = configFields(schema);
    expect(fields.map((f) => `${f.kind}:${f.key}`)).toEqual(['enum:auto', 'boolean:verbose', 'number:temperature', 'string:name']);
    expect(fields[0]).toMatchObject({ options: ['light', 'medium', 'heavy'], defaultValue: 'light', help: 'Search depth' });
    expect(fields[2]).toMatchObject({ integer: false, min: 0, max: 2, optional: true, defaultValue: undefined });
    expect(defaultConfig(fields)).toEqual({ auto: 'light', verbose: false });
  });

  it('gives a form for every registered optimizer without throwing', () => {
    for (const optimizer of listOptimizers()) expect(Array.isArray(configFields(optimizer.config))).toBe(true);
  });

  it('reports schema violations by field name', () => {
    expect(configErrors(labeledFewShotConfig, { k: 0 })).toHaveProperty('k');
    expect(configErrors(labeledFewShotConfig, { k: 4 })).toEqual({});
  });
});
