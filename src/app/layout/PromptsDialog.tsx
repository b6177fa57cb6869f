import { useMemo } from 'react';
import { programPrompts, promptsMarkdown } from '../../core/formats/prompts';
import type { ProgramGraph, ProgramState } from '../../core/program/types';
import { downloadText } from './download';
import { useEscape } from './useEscape';

/**
 * A program's prompts, read without running it: per predictor, the exact messages the
 * ChatAdapter sends (system message, demo turns, the request with `{input}` placeholders), and a
 * Markdown download of them all.
 */
export function PromptsDialog({ title, graph, program, onClose }: { title: string; graph: ProgramGraph; program: ProgramState; onClose(): void }) {
  const prompts = useMemo(() => programPrompts(graph, program), [graph, program]);
  useEscape(onClose);
  return (
    <div className="modal-backdrop">
      <div className="modal prompts-dialog" role="dialog" aria-modal="true" aria-labelledby="prompts-title">
        <header className="modal-header">
          <h2 id="prompts-title">{title}</h2>
          <div className="row">
            <button type="button" onClick={() => downloadText('prompts.md', promptsMarkdown(title, prompts), 'text/markdown')}>
              Download prompts (.md)
            </button>
            <button type="button" className="ghost" onClick={onClose}>
              Close
            </button>
          </div>
        </header>
        <p className="hint">Each predictor&apos;s messages as they are sent; inputs show as {'{name}'} placeholders.</p>
        {prompts.map((p) => (
          <section key={p.predictor} aria-label={`Prompt of ${p.predictor}`} className="predictor-prompt">
            <h3>{p.predictor}</h3>
            {p.error && (
              <p className="error" role="alert">
                {p.error}
              </p>
            )}
            {p.messages.map((m, i) => (
              <div key={i} className="prompt-message">
                <h4>{m.role}</h4>
                <pre>{m.content}</pre>
              </div>
            ))}
          </section>
        ))}
      </div>
    </div>
  );
}
