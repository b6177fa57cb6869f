import { useEffect, useMemo, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { TrialRecord } from '../../core/optimize/events';
import { chartColumns } from './chart-data';

function cssVar(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

const noLine = () => null;

/** Score per trial: full evaluations as filled dots, minibatches as small hollow dots, best-so-far as a step line. */
export function ScoreChart({ trials }: { trials: readonly TrialRecord[] }) {
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const [hover, setHover] = useState<number | undefined>();
  const columns = useMemo(() => chartColumns(trials), [trials]);
  const byIndex = useMemo(() => new Map(trials.map((t) => [t.index, t])), [trials]);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const accent = cssVar('--accent', '#3a5bd9');
    const muted = cssVar('--muted', '#6b6b72');
    const opts: uPlot.Options = {
      width: Math.max(240, el.clientWidth),
      height: 180,
      legend: { show: false },
      scales: { x: { time: false }, y: { range: [0, 1] } },
      axes: [
        { label: 'trial', stroke: muted },
        { label: 'score', stroke: muted },
      ],
      series: [
        {},
        { label: 'full', stroke: accent, fill: undefined, paths: noLine, points: { show: true, size: 8, fill: accent } },
        { label: 'minibatch', stroke: muted, paths: noLine, points: { show: true, size: 6, fill: 'transparent' } },
        { label: 'best so far', stroke: accent, width: 2, dash: [4, 3], paths: uPlot.paths.stepped?.({ align: 1 }), points: { show: false }, spanGaps: true },
      ],
      hooks: { setCursor: [(u) => setHover(u.cursor.idx ?? undefined)] },
    };
    const chart = new uPlot(opts, [[], [], [], []], el);
    plot.current = chart;
    const resize = new ResizeObserver(() => chart.setSize({ width: Math.max(240, el.clientWidth), height: 180 }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.destroy();
      plot.current = null;
    };
  }, []);

  useEffect(() => {
    plot.current?.setData(columns as uPlot.AlignedData);
  }, [columns]);

  const hovered = hover === undefined ? undefined : byIndex.get(columns[0][hover] ?? -1);
  const fullCount = trials.filter((t) => t.subset === 'full').length;
  const best = columns[3].at(-1);
  return (
    <figure className="score-chart" aria-label="Score per trial" data-points={trials.length}>
      <div ref={host} />
      <figcaption>
        {trials.length === 0 ? 'No trials yet' : `${trials.length} trials (${fullCount} full, ${trials.length - fullCount} minibatch)${best == null ? '' : `, best ${best.toFixed(3)}`}`}
      </figcaption>
      {hovered && (
        <div role="tooltip" className="chart-tooltip">
          #{hovered.index} {hovered.label}: {hovered.score.toFixed(3)} ({hovered.subset})
        </div>
      )}
    </figure>
  );
}
