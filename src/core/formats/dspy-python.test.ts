import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { graphFromSignature } from '../program/build';
import type { ProgramGraph } from '../program/types';
import { exportDspyPython } from './dspy-python';

function pipeline(): ProgramGraph {
  return {
    nodes: [
      { id: 'in', type: 'Input', fields: [{ name: 'question', type: 'str' }] },
      { id: 'a', type: 'ChainOfThought', name: 'draft_answer', signature: { instructions: 'Answer the question.\nBe """brief""" \\ exact.', inputs: [{ name: 'question', type: 'str', desc: 'A "trivia" question' }], outputs: [{ name: 'answer', type: 'str' }] }, config: {} },
      { id: 'b', type: 'Predict', name: 'grade', signature: { instructions: 'Grade it.', inputs: [{ name: 'question', type: 'str' }, { name: 'answer', type: 'str' }], outputs: [{ name: 'verdict', type: "Literal['good', 'bad']" }, { name: 'score', type: 'Optional[float]' }] }, config: {} },
      { id: 'out', type: 'Output', fields: [{ name: 'answer', type: 'str' }, { name: 'verdict', type: "Literal['good', 'bad']" }] },
    ],
    edges: [
      { id: 'e1', source: 'in', sourceField: 'question', target: 'a', targetField: 'question' },
      { id: 'e2', source: 'in', sourceField: 'question', target: 'b', targetField: 'question' },
      { id: 'e3', source: 'a', sourceField: 'answer', target: 'b', targetField: 'answer' },
      { id: 'e4', source: 'a', sourceField: 'answer', target: 'out', targetField: 'answer' },
      { id: 'e5', source: 'b', sourceField: 'verdict', target: 'out', targetField: 'verdict' },
    ],
  };
}

function pyCompile(source: string): void {
  const dir = mkdtempSync(join(tmpdir(), 'dspy-src-'));
  const file = join(dir, 'program.py');
  writeFileSync(file, source);
  execFileSync('python3', ['-m', 'py_compile', file], { stdio: 'pipe' });
}

describe('DSPy Python source', () => {
  it('writes a module whose attributes, calls and outputs follow the graph', () => {
    const source = exportDspyPython(pipeline());
    expect(source).toContain('from typing import Literal, Optional');
    expect(source).toContain('class DraftAnswerSignature(dspy.Signature):');
    expect(source).toContain('    question: str = dspy.InputField(desc="A \\"trivia\\" question")');
    expect(source).toContain("    verdict: Literal['good', 'bad'] = dspy.OutputField()");
    expect(source).toContain('        self.draft_answer = dspy.ChainOfThought(DraftAnswerSignature)');
    expect(source).toContain('    def forward(self, question):');
    expect(source).toContain('        grade = self.grade(question=question, answer=draft_answer.answer)');
    expect(source).toContain('        return dspy.Prediction(answer=draft_answer.answer, verdict=grade.verdict)');
    expect(source.indexOf('self.draft_answer =')).toBeLessThan(source.indexOf('self.grade ='));
  });

  it('compiles with python3 -m py_compile, escapes included', () => {
    expect(() => pyCompile(exportDspyPython(pipeline()))).not.toThrow();
    const add = graphFromSignature({ instructions: 'Add.', inputs: [{ name: 'a', type: 'int' }, { name: 'b', type: 'int' }], outputs: [{ name: 'sum', type: 'int' }] }, { name: 'add' });
    expect(() => pyCompile(exportDspyPython(add))).not.toThrow();
  });
});
