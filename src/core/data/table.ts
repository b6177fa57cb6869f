/**
 * What every parser produces: column names in file order and rows of raw values aligned with
 * them. CSV cells are text to be typed later; JSON values arrive typed already.
 */
export interface RawTable {
  source: 'text' | 'json';
  columns: string[];
  /** `undefined` marks a value absent from the row (a JSON object without that key). */
  rows: unknown[][];
  warnings: string[];
}

export type ProgressFn = (fraction: number) => void;

/** Reports at most ~100 times however many rows there are: a worker posts each report. */
export function throttledProgress(onProgress: ProgressFn | undefined, from: number, to: number): ProgressFn {
  let last = -1;
  return (fraction) => {
    if (!onProgress) return;
    const value = from + (to - from) * Math.min(1, Math.max(0, fraction));
    if (value - last >= 0.01 || fraction >= 1) {
      last = value;
      onProgress(value);
    }
  };
}
