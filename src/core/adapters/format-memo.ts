/**
 * What stays the same from one LM call of a predictor to the next — its system message and its
 * demo turns — formatted once and handed out again. An optimizer's evaluation formats the same
 * signature and demos for every example; formatting them anew was the larger part of the
 * engine's CPU per call and of its garbage.
 *
 * Safe against edits in place: a system message is kept per resolved signature, which
 * `resolveSignature` only hands out again while the signature is unchanged; demo turns are kept
 * per demos array together with every value they were formatted from, and reused only while the
 * array holds the same demos with the same (primitive) values. Demos holding lists or objects
 * are formatted every time: their contents could change unseen. The messages are frozen, as
 * they are shared between requests.
 */
import type { ChatMessage } from '../lm/types';
import type { Demo } from '../signature/types';
import type { Layout } from './layout';
import type { ResolvedSignature } from './resolve';

const systemMessages = new WeakMap<ResolvedSignature, Map<Layout, ChatMessage>>();

export function rememberedSystemMessage(layout: Layout, signature: ResolvedSignature, format: () => string): ChatMessage {
  let byLayout = systemMessages.get(signature);
  if (!byLayout) systemMessages.set(signature, (byLayout = new Map()));
  let message = byLayout.get(layout);
  if (!message) byLayout.set(layout, (message = Object.freeze({ role: 'system' as const, content: format() })));
  return message;
}

interface DemoTurns {
  layout: Layout;
  signature: ResolvedSignature;
  demos: Demo[];
  values: unknown[];
  messages: readonly ChatMessage[];
}

const demoTurns = new WeakMap<Demo[], DemoTurns[]>();
/** Per demos array: one entry per layout and signature it was formatted for (chat, and JSON on a fallback). */
const ENTRIES_PER_ARRAY = 4;

export function rememberedDemoTurns(layout: Layout, signature: ResolvedSignature, demos: Demo[], format: () => ChatMessage[]): readonly ChatMessage[] {
  if (demos.length === 0) return [];
  const values = demoValues(signature, demos);
  if (!values) return format();
  const entries = demoTurns.get(demos) ?? [];
  const known = entries.find((e) => e.layout === layout && e.signature === signature && sameDemos(e, demos, values));
  if (known) return known.messages;
  const messages = Object.freeze(format().map((m) => Object.freeze(m)));
  entries.unshift({ layout, signature, demos: [...demos], values, messages });
  entries.length = Math.min(entries.length, ENTRIES_PER_ARRAY);
  demoTurns.set(demos, entries);
  return messages;
}

/** Every value the demo turns are formatted from, or undefined when one is not a primitive. */
function demoValues(signature: ResolvedSignature, demos: Demo[]): unknown[] | undefined {
  const values: unknown[] = [];
  for (const demo of demos) {
    for (const field of signature.inputs) if (!pushPrimitive(values, demo, field.name)) return undefined;
    for (const field of signature.outputs) if (!pushPrimitive(values, demo, field.name)) return undefined;
  }
  return values;
}

function pushPrimitive(values: unknown[], demo: Demo, name: string): boolean {
  // Own keys only, as the formatter reads them: an inherited value is no value.
  const value = Object.hasOwn(demo, name) ? demo[name] : undefined;
  if (value !== null && (typeof value === 'object' || typeof value === 'function')) return false;
  values.push(value);
  return true;
}

function sameDemos(entry: DemoTurns, demos: Demo[], values: unknown[]): boolean {
  if (entry.demos.length !== demos.length || entry.values.length !== values.length) return false;
  for (let i = 0; i < demos.length; i++) if (entry.demos[i] !== demos[i]) return false;
  for (let i = 0; i < values.length; i++) if (!Object.is(entry.values[i], values[i])) return false;
  return true;
}
