import { CODE_DISABLED_MESSAGE, disabledCodeRunner } from '../../core/sandbox/project-code';
import type { CodeRunner } from '../../core/sandbox/types';
import { useCodeTrust } from './code-trust';
import { createIframeCodeRunner, type IframeCodeRunner } from './iframe-runner';

let sandbox: IframeCodeRunner | undefined;

const refuse = disabledCodeRunner(`${CODE_DISABLED_MESSAGE}; enable it with "Review code…" next to the metric in the Runs tab`);
const checking = disabledCodeRunner('code in this project did not run: its permission was still being checked; run again');

/**
 * The page's one CodeRunner, lent to the run worker: the iframe sandbox, behind the open
 * project's code permission. A run never skips code silently — a refused request fails with a
 * message that says the code is disabled.
 */
export const pageCodeRunner: CodeRunner = {
  run(request) {
    const { status } = useCodeTrust.getState();
    if (status === 'pending' || status === 'disabled') return refuse.run(request);
    if (status === 'checking') return checking.run(request);
    sandbox ??= createIframeCodeRunner();
    return sandbox.run(request);
  },
};
