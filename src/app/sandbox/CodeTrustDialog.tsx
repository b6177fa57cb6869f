import { useEffect, useMemo } from 'react';
import { listProjectCode } from '../../core/sandbox/project-code';
import { connectCodeRunner } from '../../worker/client';
import { useProjectStore } from '../state/project-store';
import { useCodeTrust } from './code-trust';
import { pageCodeRunner } from './page-runner';
import '../settings/modal.css';
import './sandbox.css';

/**
 * Lends the page's sandbox to the run worker, follows the open project's code permission, and
 * asks — listing every piece of code — before code from an imported project may run.
 */
export function CodeTrustDialog() {
  const projectId = useProjectStore((s) => s.projectId);
  const graph = useProjectStore((s) => s.graph);
  const projectSettings = useProjectStore((s) => s.settings);
  const status = useCodeTrust((s) => s.status);
  const reviewing = useCodeTrust((s) => s.reviewing);
  const load = useCodeTrust((s) => s.load);
  const decide = useCodeTrust((s) => s.decide);
  const review = useCodeTrust((s) => s.review);
  useEffect(() => connectCodeRunner(pageCodeRunner), []);
  useEffect(() => void load(projectId), [projectId, load]);
  const code = useMemo(() => listProjectCode({ graph, settings: projectSettings }), [graph, projectSettings]);
  if (!projectId || !(status === 'pending' || reviewing)) return null;
  return (
    <div className="modal-backdrop">
      <div className="modal code-trust" role="dialog" aria-modal="true" aria-labelledby="code-trust-title" aria-describedby="code-trust-why">
        <header className="modal-header">
          <h2 id="code-trust-title">Run the code in this project?</h2>
        </header>
        <p id="code-trust-why">
          This project came from a file and carries JavaScript. It runs in a sandbox without network access or access to
          your other projects, but read it before you enable it. While it is disabled, runs that need it fail with a message
          saying so.
        </p>
        {code.length === 0 ? (
          <p className="hint">The project carries no code now.</p>
        ) : (
          <ul className="code-trust-list" aria-label="Code in this project">
            {code.map((item) => (
              <li key={item.label}>
                <strong>{item.label}</strong>
                <pre>{item.code}</pre>
              </li>
            ))}
          </ul>
        )}
        <footer className="modal-footer">
          {reviewing && status !== 'pending' ? (
            <button type="button" className="ghost" onClick={() => review(false)}>
              Close
            </button>
          ) : (
            <span />
          )}
          <span className="row">
            <button type="button" autoFocus onClick={() => void decide('disabled')}>
              Keep disabled
            </button>
            <button type="button" onClick={() => void decide('enabled')}>
              Enable code
            </button>
          </span>
        </footer>
      </div>
    </div>
  );
}
