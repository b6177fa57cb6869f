/**
 * What the simulated model does with a DSPy prompt it has no task model for, and with requests
 * that are not DSPy prompts at all: copy an answer it can see in a demo for the same inputs,
 * otherwise answer like the nearest demo, otherwise write a plausible value of the right type.
 */
import { hashUnit } from '../hash';
import { literalOptions, typeKind } from '../parse/fields';
import type { OutputValue, ParsedPrompt, SampleContext, SimField } from '../types';
import { contentWords } from '../text';

function overlap(a: string, b: string): number {
  const x = new Set(contentWords(a));
  const y = new Set(contentWords(b));
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  return shared / (x.size + y.size - shared);
}

function demoInputs(prompt: ParsedPrompt, values: Record<string, string>): string {
  return Object.keys(prompt.inputsNow)
    .map((n) => values[n] ?? '')
    .join('\n');
}

/** The demo whose inputs look most like the current ones (ties: the first). */
function nearestDemo(prompt: ParsedPrompt, field: string): { values: Record<string, string>; score: number } | null {
  const now = Object.values(prompt.inputsNow).join('\n');
  let best: { values: Record<string, string>; score: number } | null = null;
  for (const demo of prompt.demos) {
    if (!(field in demo.values)) continue;
    const score = overlap(now, demoInputs(prompt, demo.values));
    if (!best || score > best.score) best = { values: demo.values, score };
  }
  return best;
}

function keywords(prompt: ParsedPrompt, count: number): string[] {
  return [...new Set(contentWords(Object.values(prompt.inputsNow).join(' ')))].slice(0, count);
}

function labelValue(prompt: ParsedPrompt, field: SimField, options: string[], ctx: SampleContext): string {
  const near = nearestDemo(prompt, field.name);
  if (near && near.score > 0) return near.values[field.name] as string;
  const text = Object.values(prompt.inputsNow).join(' ').toLowerCase();
  const named = options.find((o) => o && text.includes(o.toLowerCase()));
  if (named) return named;
  // ReAct's tool choice: finishing is the safe default for a model that cannot use tools.
  if (options.includes('finish')) return 'finish';
  const pool = options.length > 0 ? options : prompt.demos.map((d) => d.values[field.name]).filter((v): v is string => !!v);
  return pool[Math.floor(hashUnit('label', ctx.key) * pool.length)] ?? 'unknown';
}

export function genericValue(prompt: ParsedPrompt, field: SimField, ctx: SampleContext): OutputValue {
  const kind = typeKind(field.type);
  const inputs = Object.values(prompt.inputsNow).join(' ');
  switch (kind) {
    case 'literal':
      return labelValue(prompt, field, literalOptions(field.type), ctx);
    case 'int':
    case 'float': {
      // A model asked how sure it is says "fairly": not the first number it happens to see.
      if (/confiden|probab|certain/i.test(field.name)) return kind === 'int' ? 80 : 0.8;
      const n = Number(/-?\d+(\.\d+)?/.exec(inputs)?.[0] ?? 0);
      return kind === 'int' ? Math.trunc(n) : n;
    }
    case 'bool':
      return hashUnit('bool', inputs) < 0.5;
    case 'list':
      return keywords(prompt, 3);
    case 'dict':
      return {};
    case 'str':
    case 'other': {
      if (/^(reasoning|rationale|thought|next_thought)$/.test(field.name)) {
        return `I read ${Object.keys(prompt.inputsNow).map((n) => `the ${n}`).join(' and ') || 'the request'} and worked out the ${prompt.outputs.map((f) => f.name).filter((n) => n !== field.name).join(', ') || 'answer'} from it.`;
      }
      const near = nearestDemo(prompt, field.name);
      if (near && near.score > 0.5) return near.values[field.name] as string;
      const words = keywords(prompt, 4);
      return words.length > 0 ? `A simulated ${field.name.replace(/_/g, ' ')} about ${words.join(', ')}.` : `A simulated ${field.name.replace(/_/g, ' ')}.`;
    }
    default: {
      const never: never = kind;
      throw new Error(`unknown type kind ${String(never)}`);
    }
  }
}

/** A value shown as text in a demo, typed again for a JSON reply. */
export function typedValue(field: SimField, text: string): OutputValue {
  const kind = typeKind(field.type);
  if ((kind === 'int' || kind === 'float') && /^-?\d+(\.\d+)?$/.test(text.trim())) return Number(text);
  if (kind === 'bool' && /^(true|false)$/i.test(text.trim())) return text.trim().toLowerCase() === 'true';
  if (kind === 'list' || kind === 'dict') {
    try {
      return JSON.parse(text) as OutputValue;
    } catch {
      return text;
    }
  }
  return text;
}

/** Outputs copied from a demo whose inputs are exactly the current ones, if there is one. */
export function copiedFromDemo(prompt: ParsedPrompt): Record<string, OutputValue> | null {
  const names = Object.keys(prompt.inputsNow);
  if (names.length === 0) return null;
  const same = prompt.demos.find((d) => names.every((n) => d.values[n]?.trim() === prompt.inputsNow[n]?.trim()));
  if (!same) return null;
  const out: Record<string, OutputValue> = {};
  for (const f of prompt.outputs) if (f.name in same.values) out[f.name] = typedValue(f, same.values[f.name] as string);
  return Object.keys(out).length === prompt.outputs.length ? out : null;
}

/** A sensible answer to a request that is not a DSPy prompt. */
export function plainAnswer(userText: string): string {
  const sum = /(-?\d{1,12})\s*\+\s*(-?\d{1,12})/.exec(userText);
  if (sum) return `${sum[1]} + ${sum[2]} = ${Number(sum[1]) + Number(sum[2])}.`;
  const words = [...new Set(contentWords(userText))].slice(0, 5);
  if (words.length === 0) return 'Hello! This is the Prompt Studio simulator, a deterministic stand-in for a language model.';
  return `This is a simulated reply from the Prompt Studio simulator (not a real language model). Your message is about ${words.join(', ')}.`;
}
