import type { Retriever } from '../retrieve/types';
import type { CodeRunner } from '../sandbox/types';

/**
 * What modules may need beyond the LM, supplied by the host (the run worker, the CLI, a test):
 * Retrieve asks for a corpus's retriever, ReAct tools and Code nodes run user code through the
 * sandbox. A module that needs a service the host did not supply fails that example with a
 * message naming what is missing; it never crashes the run.
 */
export interface ProgramServices {
  code?: CodeRunner;
  /** The retriever for a corpus id (a Retrieve node's `config.corpusId`); undefined when unknown. */
  retriever?(corpusId: string): Retriever | undefined | Promise<Retriever | undefined>;
}
