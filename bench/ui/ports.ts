/** Ports and folders of the UI benchmark; overridable so it can run beside other sessions. */
export const BENCH_PREVIEW_PORT = Number(process.env.BENCH_PREVIEW_PORT ?? 4186);
export const BENCH_SIM_PORT = Number(process.env.BENCH_SIM_PORT ?? 8796);
export const BENCH_DIST = process.env.BENCH_DIST ?? 'dist-bench';
export const BENCH_SIM_URL = `http://127.0.0.1:${BENCH_SIM_PORT}/v1`;
