import type { DragEvent } from 'react';
import { listModuleTypes } from '../../core/program/modules/registry';
import type { PaletteKind } from './node-factory';
import { PALETTE_MIME } from './palette-drag';
import { useAddNode } from './useAddNode';

interface Entry {
  item: PaletteKind;
  label: string;
  description: string;
}

function entries(): Entry[] {
  return [
    ...listModuleTypes().map((t) => ({ item: { kind: 'module', typeId: t.id } as const, label: t.label, description: t.description })),
    { item: { kind: 'Input' }, label: 'Input', description: "The program's inputs: the dataset's input fields." },
    { item: { kind: 'Output' }, label: 'Output', description: "The program's outputs, compared with the labels by the metric." },
  ];
}

/** Every module type in the registry, plus Input/Output: drag onto the canvas, or click to add. */
export function Palette() {
  const addNode = useAddNode();
  const onDragStart = (event: DragEvent, item: PaletteKind) => {
    event.dataTransfer.setData(PALETTE_MIME, JSON.stringify(item));
    event.dataTransfer.effectAllowed = 'copy';
  };
  return (
    <section className="panel palette" aria-labelledby="palette-heading">
      <h2 id="palette-heading">Modules</h2>
      <ul className="palette-list">
        {entries().map((entry) => (
          <li key={entry.label}>
            <button
              type="button"
              className="palette-item"
              draggable
              onDragStart={(e) => onDragStart(e, entry.item)}
              onClick={() => addNode(entry.item)}
              aria-label={`Add ${entry.label}`}
              title={entry.description}
            >
              {entry.label}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
