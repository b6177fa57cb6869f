import type { Retriever, RetrieverOptions } from '../retrieve/types';
import type { CodeRunner } from '../sandbox/types';

/**
 * What modules may need beyond the LM, supplied by the host (the run worker, the CLI, a test):
 * Retrieve asks for a corpus's retriever, ReAct tools and Code nodes run user code through the
 * sandbox. A module that needs a service the host did not supply fails that example with a
 * message naming what is missing; it never crashes the run.
 */
export interface ProgramServices {
  code?: CodeRunner;
  /**
   * The retriever for a corpus id (a Retrieve node's `config.corpusId`); undefined when unknown.
   * `options` carries the node's search mode; a host that cannot do the mode asked for throws
   * saying so, never quietly searching another way. Omitted means BM25.
   */
  retriever?(corpusId: string, options?: RetrieverOptions): Retriever | undefined | Promise<Retriever | undefined>;
}
