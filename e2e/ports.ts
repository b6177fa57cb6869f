/**
 * Ports and build folder for the end-to-end run, overridable so that two people (or two
 * sessions) can run the suite side by side on one machine.
 */
export const PREVIEW_PORT = Number(process.env.E2E_PREVIEW_PORT ?? 4173);
export const SIM_PORT = Number(process.env.E2E_SIM_PORT ?? 8788);
export const DIST_DIR = process.env.E2E_DIST ?? 'dist';
export const SIM_URL = `http://127.0.0.1:${SIM_PORT}/v1`;
