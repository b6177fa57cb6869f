/**
 * What would fix each figure that misses its budget, keyed by a part of the figure's name.
 * bench/results.ts prints the matching line in RESULTS.md's closing note.
 */
export const FIXES: Record<string, string> = {
  'evaluate 500 examples': 'slots do not idle (bench/probe-slots.ts: median gap between calls 0.3 ms); the time goes to CPU per call on two shared cores: about 1.5–2 ms in the Node client (undici fetch through the openai SDK) and 1 ms in the sim. A node:http keep-alive transport for the CLI host cut the client\'s share by 20–25 % in an experiment.',
  'BootstrapFewShot: wall / latency bound': 'what idles is the boundary between the compiled program\'s val scoring and the runner\'s dev scoring, and the last round (npx tsx bench/probe-engine.ts bfs): a context hook that lets the runner start the dev scoring as soon as the program is fixed would close it.',
  'RandomSearch (8 candidates): wall / latency bound': 'candidates are bootstrapped and scored three at a time; the idle slots are at the end of each group of three: a rolling window of candidates would keep the cap full.',
  'MIPROv2 light: wall / latency bound': 'trials run five at a time with a constant liar; each full evaluation (every five trials) waits for its batch to drain: starting the next batch during a full evaluation would close most of the rest.',
  'GEPA (400 metric calls): wall / latency bound': 'steps run ahead but make the serial algorithm\'s choices, so each accepted child\'s val evaluation is a barrier the next steps wait on (npx tsx bench/probe-engine.ts gepa shows the idle slots there). Launching the next steps during that evaluation, guessing the new child as their parent and redoing the few guessed wrong, would fill most of it; choosing parents from stale pools (as this engine did before) is faster but cost 6 points of held-out accuracy.',
  'engine CPU / wall': 'the engine CPU is mostly adapter formatting and cache keys; memoising the formatted system message per signature would cut it.',
  'LM calls / planned calls': "the plan under-counts this optimizer's calls: its formula in src/core/optimize needs the missing term.",
  'compile wall, ours / Ax': 'AxBootstrapFewShot stops at 4 successful traces and scores nothing, while ours also evaluates the compiled program on the validation set; the dev score is the trade.',
  'dev score, Ax − ours': 'the GEPA gap is a mean over three seeds; over twelve seeds at AxGEPA\'s minibatch of 20 it was 77.7 % (ours) vs 82.6 % (Ax), within about 1.5 standard errors. At DSPy\'s default minibatch of 3 a 400-call budget leaves each reflection too few examples: for small budgets raise reflection_minibatch_size. Ax\'s LM calls beyond its program runs are re-asks after outputs that failed its validation (seed 0, counting its zero-shot and dev scoring too: 18 runs went through three re-asks each, 54 calls); they are a small share of its calls and not yet shown to matter for its score.',
  'first-load JavaScript': 'load heavy panels (the Runs panel with uPlot, the data grid) with React.lazy, and keep the run worker out of the first load.',
  'frame time p95': 'set onlyRenderVisibleElements on the canvas and memoise the node view, so a drag re-renders one node instead of 300.',
  '100,000-row CSV into IndexedDB: time': 'the parse already runs in the import worker; the rest is the parsed rows crossing back to the page, applyMapping over every row and one 100,000-row bulkAdd (src/db/dataset-rows.ts): let the worker map and write the rows itself, in bulkAdd chunks of a few thousand.',
  'main thread longest task': 'the single 100,000-row bulkAdd clones every row in one task: chunk it (awaiting between chunks), or write from the import worker and hand the page only the count.',
  'append a point': 'append to uPlot incrementally instead of rebuilding all columns from the trial list on each point.',
  'long tasks over 50 ms': "batch the run's trial events per animation frame and keep the trial table virtualised.",
};
