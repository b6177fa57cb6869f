// What every retriever shares: checking the passages it is built from, and the ranking order.
import type { CorpusPassage } from './bm25';

/** Each passage needs a unique, non-empty id and a text; the first that has not is named. */
export function checkPassages(passages: readonly CorpusPassage[]): void {
  const seen = new Set<string>();
  for (const [i, p] of passages.entries()) {
    if (typeof p.id !== 'string' || p.id === '') throw new Error(`passage ${i + 1} has no id`);
    if (typeof p.text !== 'string') throw new Error(`passage '${p.id}' has no text`);
    if (seen.has(p.id)) throw new Error(`two passages share the id '${p.id}'`);
    seen.add(p.id);
  }
}

/** Best score first; equal scores by id, so the same query always gives the same passages. */
export function byScoreThenId(a: { score: number; id: unknown }, b: { score: number; id: unknown }): number {
  return b.score - a.score || String(a.id).localeCompare(String(b.id));
}
