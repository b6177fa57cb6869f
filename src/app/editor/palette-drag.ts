import type { PaletteKind } from './node-factory';

/** The drag-and-drop payload type between the palette and the canvas. */
export const PALETTE_MIME = 'application/x-prompt-studio-node';

export function readPaletteItem(data: DataTransfer): PaletteKind | undefined {
  const raw = data.getData(PALETTE_MIME);
  if (!raw) return undefined;
  try {
    const parsed = JSON.parse(raw) as PaletteKind;
    return parsed.kind === 'module' || parsed.kind === 'Input' || parsed.kind === 'Output' ? parsed : undefined;
  } catch {
    return undefined;
  }
}
