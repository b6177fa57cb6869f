// Splitting prose into passages: blank-line blocks, Markdown sections, and chunks of a bounded
// size. Pure string work; the corpus reader (corpus.ts) decides ids and titles.

/** Paragraphs: runs of non-blank lines, inner whitespace kept, each trimmed. */
export function textBlocks(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((block) => block.trim())
    .filter((block) => block !== '');
}

export interface MarkdownSection {
  /** The nearest heading above the paragraph, without its `#` marks. */
  title?: string;
  text: string;
}

const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$/;
const FENCE = /^ {0,3}(```|~~~)/;

/**
 * One passage per paragraph, each titled by the heading it sits under. Fenced code blocks stay
 * whole (a blank line inside one does not split it); a leading YAML front matter block is dropped.
 */
export function markdownSections(markdown: string): MarkdownSection[] {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  let start = 0;
  if (lines[0]?.trim() === '---') {
    const close = lines.findIndex((line, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(line));
    if (close > 0) start = close + 1;
  }
  const sections: MarkdownSection[] = [];
  let title: string | undefined;
  let paragraph: string[] = [];
  let fence: string | undefined;
  const flush = () => {
    const text = paragraph.join('\n').trim();
    paragraph = [];
    if (text !== '') sections.push(title === undefined ? { text } : { title, text });
  };
  for (const line of lines.slice(start)) {
    const fenceMark = FENCE.exec(line)?.[1];
    if (fence !== undefined) {
      paragraph.push(line);
      if (fenceMark === fence) fence = undefined;
      continue;
    }
    if (fenceMark !== undefined) {
      fence = fenceMark;
      paragraph.push(line);
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      flush();
      title = heading[2]?.trim() || undefined;
      continue;
    }
    if (line.trim() === '') flush();
    else paragraph.push(line);
  }
  flush();
  return sections;
}

/**
 * Cuts `text` into pieces of at most `maxChars`, at sentence ends where it can, else at spaces,
 * else hard. Short text comes back as one piece.
 */
export function chunkText(text: string, maxChars: number): string[] {
  if (!(maxChars >= 1)) throw new RangeError(`maxChars must be at least 1 (got ${maxChars})`);
  if (text.length <= maxChars) return [text];
  const sentences = text.match(/[^.!?\n]+(?:[.!?]+|\n+|$)\s*/g) ?? [text];
  const pieces: string[] = [];
  let current = '';
  const push = () => {
    const piece = current.trim();
    if (piece !== '') pieces.push(piece);
    current = '';
  };
  for (const sentence of sentences) {
    if (current.length + sentence.length <= maxChars) {
      current += sentence;
      continue;
    }
    push();
    if (sentence.length <= maxChars) current = sentence;
    else for (const part of splitWords(sentence, maxChars)) pieces.push(part);
  }
  push();
  return pieces;
}

function splitWords(sentence: string, maxChars: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const word of sentence.split(/\s+/).filter((w) => w !== '')) {
    if (current === '') current = word;
    else if (current.length + 1 + word.length <= maxChars) current += ` ${word}`;
    else {
      out.push(current);
      current = word;
    }
    while (current.length > maxChars) {
      out.push(current.slice(0, maxChars));
      current = current.slice(maxChars);
    }
  }
  if (current !== '') out.push(current);
  return out;
}
