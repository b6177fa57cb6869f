/**
 * What would fix each figure that misses its budget, keyed by a part of the figure's name.
 * bench/results.ts prints the matching line in RESULTS.md's closing note.
 */
export const FIXES: Record<string, string> = {
  'evaluate 500 examples': 'the scheduler keeps the concurrency cap full; a miss here is per-request overhead (HTTP client, adapter) adding to the 100 ms latency.',
  'BootstrapFewShot: wall / latency bound': 'bootstrapping already runs in parallel (speculatively, keeping the serial order\'s demos); the run is short (about 200 calls), so its partly filled last rounds weigh: not yet profiled further.',
  'RandomSearch (8 candidates): wall / latency bound': 'candidates are bootstrapped and scored three at a time; the idle slots are at the end of each group of three: a rolling window of candidates would keep the cap full.',
  'MIPROv2 light: wall / latency bound': 'trials run five at a time with a constant liar; each full evaluation (every five trials) waits for its batch to drain: starting the next batch during a full evaluation would close most of the rest.',
  'GEPA (400 metric calls): wall / latency bound': 'reflection steps run four at a time but settle in launch order; merges and the full evaluation of an accepted child still hold the next settle: overlapping those would close most of the rest.',
  'engine CPU / wall': 'the engine CPU is mostly adapter formatting and cache keys; memoising the formatted system message per signature would cut it.',
  'LM calls / planned calls': "the plan under-counts this optimizer's calls: its formula in src/core/optimize needs the missing term.",
  'compile wall, ours / Ax': 'AxBootstrapFewShot stops at 4 successful traces and scores nothing, while ours also evaluates the compiled program on the validation set; the dev score is the trade.',
  'dev score, Ax − ours': 'Ax ends with a better program: compare its demos and instruction with ours.',
  'first-load JavaScript': 'load heavy panels (the Runs panel with uPlot, the data grid) with React.lazy, and keep the run worker out of the first load.',
  'frame time p95': 'set onlyRenderVisibleElements on the canvas and memoise the node view, so a drag re-renders one node instead of 300.',
  '100,000-row CSV into IndexedDB: time': 'the parse already runs in the import worker; the rest is the parsed rows crossing back to the page, applyMapping over every row and one 100,000-row bulkAdd (src/db/dataset-rows.ts): let the worker map and write the rows itself, in bulkAdd chunks of a few thousand.',
  'main thread longest task': 'the single 100,000-row bulkAdd clones every row in one task: chunk it (awaiting between chunks), or write from the import worker and hand the page only the count.',
  'append a point': 'append to uPlot incrementally instead of rebuilding all columns from the trial list on each point.',
  'long tasks over 50 ms': "batch the run's trial events per animation frame and keep the trial table virtualised.",
};
