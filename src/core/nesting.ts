/**
 * How deep a loaded file may nest. JSON.parse accepts 10,000 levels; the recursive code after it
 * (validation, copying, IndexedDB's structured clone, export) would overflow the stack. No real
 * project, dataset cell or DSPy demo comes near this.
 */
export const MAX_NESTING = 100;

/**
 * Where a value nests deeper than `limit` levels (the path's first 8 keys, "datasets.0.rows.3.data.a.0.0.0…"),
 * or undefined. Iterative, so it cannot itself overflow on the input it exists to reject.
 */
export function firstTooDeep(value: unknown, limit: number = MAX_NESTING): string | undefined {
  // Each entry links to its parent, so the path is built only for the one value reported.
  type Entry = { value: unknown; depth: number; key: string; parent: Entry | undefined };
  const stack: Entry[] = [{ value, depth: 0, key: '', parent: undefined }];
  while (stack.length > 0) {
    const entry = stack.pop() as Entry;
    const node = entry.value;
    if (typeof node !== 'object' || node === null) continue;
    if (entry.depth >= limit) {
      const path: string[] = [];
      for (let e: Entry | undefined = entry; e?.parent; e = e.parent) path.unshift(e.key);
      // The start of the path says where; the rest is the same key repeated a hundred times.
      return path.length > 8 ? `${path.slice(0, 8).join('.')}…` : path.join('.');
    }
    if (Array.isArray(node)) node.forEach((child, i) => stack.push({ value: child, depth: entry.depth + 1, key: String(i), parent: entry }));
    else for (const [key, child] of Object.entries(node)) stack.push({ value: child, depth: entry.depth + 1, key, parent: entry });
  }
  return undefined;
}

/** A value shown inside an error message: JSON, cut short so a huge value cannot flood it. */
export function shortJson(value: unknown, max = 40): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = Object.prototype.toString.call(value);
  }
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
