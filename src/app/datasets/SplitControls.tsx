import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { DatasetSummary } from '../../db';
import { datasets } from '../../db';
import { applySplit } from './split-client';

const NO_COUNTS = { train: 0, dev: 0, test: 0, none: 0 };

/** A seeded train/dev/test split: the same seed always gives the same rows. */
export function SplitControls({ dataset }: { dataset: DatasetSummary }) {
  const [percent, setPercent] = useState({ train: 60, dev: 20, test: 20 });
  const [seed, setSeed] = useState(0);
  const [error, setError] = useState<string>();
  const [progress, setProgress] = useState<number>();
  const c = useLiveQuery(() => datasets.splitCounts(dataset.id), [dataset.id]) ?? NO_COUNTS;
  const total = percent.train + percent.dev + percent.test;
  const apply = async () => {
    if (total !== 100) return setError(`the percentages add up to ${total}, not 100`);
    setError(undefined);
    setProgress(0);
    try {
      // Page by page in one transaction (in a worker for big datasets): no row crosses to the page.
      await applySplit(dataset.id, dataset.rowCount, { train: percent.train / 100, dev: percent.dev / 100, test: percent.test / 100 }, seed, setProgress);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setProgress(undefined);
    }
  };
  const pct = (key: keyof typeof percent, label: string) => (
    <label className="inline">
      {label}
      <input type="number" min={0} max={100} value={percent[key]} onChange={(e) => setPercent((p) => ({ ...p, [key]: Number(e.target.value) }))} style={{ width: 64 }} />
    </label>
  );
  return (
    <div className="row split-controls" role="group" aria-label="Split">
      {pct('train', 'Train %')}
      {pct('dev', 'Dev %')}
      {pct('test', 'Test %')}
      <label className="inline">
        Split seed
        <input type="number" value={seed} onChange={(e) => setSeed(Math.trunc(Number(e.target.value)) || 0)} style={{ width: 64 }} />
      </label>
      <button type="button" disabled={progress !== undefined} onClick={() => void apply()}>
        Split
      </button>
      {progress !== undefined && <progress aria-label="Splitting" max={1} value={progress} />}
      <output aria-label="Split counts">
        train {c.train} · dev {c.dev} · test {c.test}
        {c.none > 0 ? ` · unassigned ${c.none}` : ''}
      </output>
      {error && (
        <span role="alert" className="error">
          {error}
        </span>
      )}
    </div>
  );
}
