import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { TrialRecord } from '../../core/optimize/events';
import { ChartSeries } from './chart-data';

function cssVar(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

const noLine = () => null;

/** Score per trial: full evaluations as filled dots, minibatches as small hollow dots, best-so-far as a step line. */
export function ScoreChart({ trials }: { trials: readonly TrialRecord[] }) {
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const frame = useRef(0);
  const [hover, setHover] = useState<number | undefined>();
  // Kept across renders: a new trial appends to the columns instead of rebuilding them.
  const [series] = useState(() => new ChartSeries());
  series.sync(trials);

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
    const chart = new uPlot(opts, series.data() as uPlot.AlignedData, el);
    plot.current = chart;
    const resize = new ResizeObserver(() => chart.setSize({ width: Math.max(240, el.clientWidth), height: 180 }));
    resize.observe(el);
    return () => {
      cancelAnimationFrame(frame.current);
      frame.current = 0;
      resize.disconnect();
      chart.destroy();
      plot.current = null;
    };
  }, [series]);

  // New trials reach uPlot at most once per animation frame: a burst of trials costs one
  // redraw, and an append itself is only a push onto the columns (uPlot gets views over them).
  useLayoutEffect(() => {
    if (!plot.current || frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      plot.current?.setData(series.data() as uPlot.AlignedData);
    });
  }, [series, trials]);

  const hoveredIndex = hover === undefined ? undefined : series.data()[0][hover];
  const hovered = hoveredIndex === undefined ? undefined : trials.find((t) => t.index === hoveredIndex);
  const fullCount = series.fullCount;
  const best = series.latestBest();
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
