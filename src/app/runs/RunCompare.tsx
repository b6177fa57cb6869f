import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { trials } from '../../db';
import type { RunRecord } from '../../db';
import { compareColumns, runColour, runLabel } from './compare-data';

const HEIGHT = 200;
const noLine = () => null;

function xRange(x: readonly number[]): [number, number] {
  const first = x[0] ?? 0;
  const last = x.at(-1) ?? 0;
  return first === last ? [first - 0.5, last + 0.5] : [first, last];
}

function cssVar(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

/** Selected runs' scores per trial (dots) and best-so-far (step lines) on one chart, one colour per run. */
export function RunCompare({ runs, onClose }: { runs: readonly RunRecord[]; onClose: () => void }) {
  const host = useRef<HTMLDivElement>(null);
  const ids = runs.map((r) => r.id).join(' ');
  // Keyed by run id: while a new selection loads, the previous answer must not be misattributed.
  const stored = useLiveQuery(async () => new Map(await Promise.all(runs.map(async (r) => [r.id, await trials.listFor(r.id)] as const))), [ids]);
  const columns = useMemo(() => (stored ? compareColumns(runs.map((r) => ({ ...r, trials: stored.get(r.id) ?? [] }))) : undefined), [runs, stored]);

  useEffect(() => {
    const el = host.current;
    if (!el || !columns) return;
    const muted = cssVar('--muted', '#6b6b72');
    const series: uPlot.Series[] = [{}];
    const data: uPlot.AlignedData = [columns.x, ...columns.series.flatMap((s) => [s.score, s.best])];
    columns.series.forEach((_, i) => {
      const colour = runColour(i);
      series.push({ stroke: colour, paths: noLine, points: { show: true, size: 6, fill: colour } });
      series.push({ stroke: colour, width: 2, paths: uPlot.paths.stepped?.({ align: 1 }), points: { show: false } });
    });
    const opts: uPlot.Options = {
      width: Math.max(240, el.clientWidth),
      height: HEIGHT,
      // The legend is ours, below, so run names stay plain text with accessible names.
      legend: { show: false },
      // One trial per run (e.g. LabeledFewShot) would otherwise stretch the axis to 0–100.
      scales: { x: { time: false, auto: false, range: xRange(columns.x) }, y: { range: [0, 1] } },
      axes: [
        { label: 'trial', stroke: muted, incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000] },
        { label: 'score', stroke: muted },
      ],
      series,
    };
    const chart = new uPlot(opts, data, el);
    const resize = new ResizeObserver(() => chart.setSize({ width: Math.max(240, el.clientWidth), height: HEIGHT }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [columns]);

  return (
    <section className="run-compare" aria-label="Run comparison">
      <div className="row">
        <strong>Compare runs</strong>
        <button type="button" className="link" aria-label="Close run comparison" onClick={onClose}>
          Close
        </button>
      </div>
      <figure className="score-chart" aria-label="Compared scores per trial" data-series={columns ? columns.series.length : 0}>
        <div ref={host} />
        <figcaption>
          Dots: score per trial · lines: best full score so far
          <ul className="compare-legend" aria-label="Compared runs">
            {runs.map((r, i) => (
              <li key={r.id}>
                <span className="swatch" style={{ background: runColour(i) }} aria-hidden="true" />
                {runLabel(r)}
                {r.taskModel ? ` · ${r.taskModel}` : ''}
                {` · ${stored?.get(r.id)?.length ?? 0} trials`}
                {r.score === undefined ? '' : ` · score ${r.score.toFixed(3)}`}
              </li>
            ))}
          </ul>
        </figcaption>
      </figure>
    </section>
  );
}
