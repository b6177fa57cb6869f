import { describe, expect, it } from 'vitest';
import { validateGraph } from '../../core/program/validate';
import { parseSignature } from '../../core/signature';
import { editorHarness } from './editor-harness';
import { useProjectStore } from './project-store';

describe('building a program as a user would', () => {
  it('ChainOfThought → Predict from scratch, a refused edge, undo and redo', () => {
    const editor = editorHarness();
    editor.addModule('ChainOfThought');
    const predict = editor.addModule('Predict');
    expect(editor.connect('Input.question', 'cot.question')).toBe(true);
    expect(editor.connect('cot.answer', 'predict.question')).toBe(true);
    expect(editor.connect('predict.answer', 'Output.answer')).toBe(true);
    expect(validateGraph(editor.graph)).toEqual([]);

    useProjectStore.getState().applyEdit({ type: 'updateModule', id: predict.id, patch: { signature: parseSignature('question, draft: int -> answer') } });
    expect(editor.connect('cot.reasoning', 'predict.draft')).toBe(false);
    expect(editor.notice).toContain("type mismatch: 'cot'.reasoning is str but 'predict'.draft expects int");

    const edges = editor.graph.edges.length;
    editor.undo();
    expect(editor.node('predict')).toMatchObject({ signature: { inputs: [{ name: 'question' }] } });
    editor.undo();
    expect(editor.graph.edges).toHaveLength(edges - 1);
    editor.redo();
    editor.redo();
    expect(editor.graph.edges).toHaveLength(edges);
    expect(() => editor.node('nope')).toThrow("no node named 'nope'");
  });
});
