/**
 * Splits text into DSPy `[[ ## name ## ]]` sections the way DSPy's ChatAdapter reads a reply:
 * a header is matched on each stripped line, text after the header on the same line counts,
 * and text before the first header is kept under the empty name.
 */

const HEADER = /^\[\[ ## (\w+) ## \]\]/;

export interface Block {
  name: string;
  value: string;
}

export function splitBlocks(text: string): Block[] {
  const blocks: { name: string; lines: string[] }[] = [{ name: '', lines: [] }];
  for (const line of text.split('\n')) {
    const match = HEADER.exec(line.trim());
    if (match) {
      const rest = line.trim().slice(match[0].length).trim();
      blocks.push({ name: match[1] ?? '', lines: rest ? [rest] : [] });
    } else {
      (blocks[blocks.length - 1] as { lines: string[] }).lines.push(line);
    }
  }
  return blocks.map((b) => ({ name: b.name, value: b.lines.join('\n').trim() }));
}

/** The first value of each named block (DSPy: the first occurrence wins). */
export function blockValues(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const block of splitBlocks(text)) {
    if (block.name && !(block.name in out)) out[block.name] = block.value;
  }
  return out;
}

