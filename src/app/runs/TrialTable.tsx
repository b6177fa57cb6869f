import { useMemo, useState } from 'react';
import type { TrialRecord } from '../../core/optimize/events';

type SortKey = 'index' | 'score' | 'subset' | 'calls' | 'elapsedMs';

const value = (t: TrialRecord, key: SortKey): number | string =>
  key === 'calls' ? t.usage.calls : key === 'subset' ? t.subset : key === 'score' ? t.score : key === 'elapsedMs' ? t.elapsedMs : t.index;

const COLUMNS: { key: SortKey; label: string }[] = [
  { key: 'index', label: 'Trial' },
  { key: 'score', label: 'Score' },
  { key: 'subset', label: 'Subset' },
  { key: 'calls', label: 'Calls' },
  { key: 'elapsedMs', label: 'Time' },
];

export interface TrialTableProps {
  trials: readonly TrialRecord[];
  bestIndex?: number;
  selected?: number;
  onSelect: (index: number) => void;
}

/** Every trial; click a header to sort, a row to inspect its candidate. */
export function TrialTable({ trials, bestIndex, selected, onSelect }: TrialTableProps) {
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'index', desc: false });
  const rows = useMemo(() => {
    const out = [...trials];
    out.sort((a, b) => {
      const x = value(a, sort.key);
      const y = value(b, sort.key);
      const order = x < y ? -1 : x > y ? 1 : a.index - b.index;
      return sort.desc ? -order : order;
    });
    return out;
  }, [trials, sort]);
  return (
    <table className="trial-table" aria-label="Trials">
      <thead>
        <tr>
          {COLUMNS.map((c) => (
            <th key={c.key} aria-sort={sort.key === c.key ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
              <button type="button" className="link" onClick={() => setSort((s) => ({ key: c.key, desc: s.key === c.key ? !s.desc : c.key === 'score' }))}>
                {c.label}
              </button>
            </th>
          ))}
          <th>Candidate</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((t) => (
          <tr key={t.index} aria-selected={selected === t.index} className={selected === t.index ? 'selected' : undefined} onClick={() => onSelect(t.index)}>
            <td>
              <button type="button" className="link" aria-label={`Inspect trial ${t.index}`} onClick={() => onSelect(t.index)}>
                #{t.index}
              </button>
              {bestIndex === t.index ? ' ★' : ''}
            </td>
            <td>{t.score.toFixed(3)}</td>
            <td>{t.subset}</td>
            <td>{t.usage.calls + t.usage.cachedCalls}</td>
            <td>{(t.elapsedMs / 1000).toFixed(1)}s</td>
            <td>{t.label}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
