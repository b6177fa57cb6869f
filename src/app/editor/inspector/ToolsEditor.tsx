import { useState } from 'react';
import { CodeEditor } from './CodeEditor';
import { CommitInput } from './CommitInput';
import { newTool, parseToolParameters, type ToolConfig } from './module-settings';

interface Props {
  tools: ToolConfig[];
  onChange(tools: ToolConfig[]): void;
  help?: string;
  /** The schema's message about the tools, if any. */
  error?: string;
}

function ParametersBox({ tool, onCommit }: { tool: ToolConfig; onCommit(parameters: Record<string, unknown>): void }) {
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <CodeEditor
      label={`Parameters of ${tool.name || 'the tool'} (JSON Schema)`}
      value={JSON.stringify(tool.parameters, null, 2)}
      rows={5}
      error={problem ?? undefined}
      onCommit={(text) => {
        const parsed = parseToolParameters(text);
        if (!parsed.ok) return setProblem(`${tool.name || 'tool'}: ${parsed.error}`);
        setProblem(null);
        onCommit(parsed.value);
      }}
    />
  );
}

/** ReAct's tools: add and remove them; name, description, JSON Schema parameters and code each. */
export function ToolsEditor({ tools, onChange, help, error }: Props) {
  const patch = (i: number, change: Partial<ToolConfig>) => onChange(tools.map((t, j) => (j === i ? { ...t, ...change } : t)));
  return (
    <fieldset className="tools-editor">
      <legend>Tools</legend>
      {help && <p className="muted">{help}</p>}
      {tools.length === 0 && <p className="muted">No tools yet: the agent can only finish.</p>}
      {tools.map((tool, i) => {
        const label = tool.name || `tool ${i + 1}`;
        return (
          <section key={i} className="tool" aria-label={`Tool ${label}`}>
            <label>
              Name of tool {i + 1}
              <CommitInput value={tool.name} spellCheck={false} onCommit={(name) => patch(i, { name: name.trim() })} />
            </label>
            <label>
              Description of {label}
              <CommitInput value={tool.description} multiline onCommit={(description) => patch(i, { description })} />
            </label>
            <ParametersBox tool={tool} onCommit={(parameters) => patch(i, { parameters })} />
            <CodeEditor
              label={`Code of ${label}`}
              value={tool.code}
              help="The body of an async function; each parameter is a variable. Return the observation."
              onCommit={(code) => patch(i, { code })}
            />
            <button type="button" onClick={() => onChange(tools.filter((_, j) => j !== i))}>
              Remove {label}
            </button>
          </section>
        );
      })}
      <button type="button" onClick={() => onChange([...tools, newTool(tools)])}>
        Add tool
      </button>
      {error && (
        <p role="alert" className="error">
          tools: {error}
        </p>
      )}
    </fieldset>
  );
}
