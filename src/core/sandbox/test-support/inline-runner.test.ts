import { describe } from 'vitest';
import { createInlineCodeRunner } from './inline-runner';
import { codeRunnerContract } from './runner-contract';

describe('inline code runner (tests only, not a sandbox)', () => {
  codeRunnerContract(() => createInlineCodeRunner(), { spins: false });
});
