import { useState } from 'react';
import { splitDataset } from '../../core/data/split';
import type { DatasetRecord } from '../../db';
import { datasets } from '../../db';

function counts(dataset: DatasetRecord) {
  const c = { train: 0, dev: 0, test: 0, none: 0 };
  for (const r of dataset.rows) c[r.split ?? 'none']++;
  return c;
}

/** A seeded train/dev/test split: the same seed always gives the same rows. */
export function SplitControls({ dataset }: { dataset: DatasetRecord }) {
  const [percent, setPercent] = useState({ train: 60, dev: 20, test: 20 });
  const [seed, setSeed] = useState(0);
  const [error, setError] = useState<string>();
  const c = counts(dataset);
  const total = percent.train + percent.dev + percent.test;
  const apply = async () => {
    if (total !== 100) return setError(`the percentages add up to ${total}, not 100`);
    setError(undefined);
    try {
      const rows = splitDataset(dataset.rows, { train: percent.train / 100, dev: percent.dev / 100, test: percent.test / 100 }, seed);
      const { projectId, updatedAt: _u, ...plain } = dataset;
      await datasets.put(projectId, { ...plain, rows });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
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
      <button type="button" onClick={() => void apply()}>
        Split
      </button>
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
