import { lazy, Suspense, useState, type KeyboardEvent, type PointerEvent } from 'react';

const DataPanel = lazy(() => import('../datasets/DataPanel').then((m) => ({ default: m.DataPanel })));
const RunsPanel = lazy(() => import('../runs/RunsPanel').then((m) => ({ default: m.RunsPanel })));

type Tab = 'data' | 'runs';
const TABS: { id: Tab; label: string }[] = [{ id: 'data', label: 'Data' }, { id: 'runs', label: 'Runs' }];
/** Frozen: the user's chosen height survives reloads. */
const HEIGHT_KEY = 'prompt-studio:bottom-height';
const MIN = 120;
const maxHeight = () => Math.max(MIN, Math.round(window.innerHeight * 0.75));
const clamp = (h: number) => Math.min(maxHeight(), Math.max(MIN, Math.round(h)));

function storedHeight(): number {
  const value = Number(localStorage.getItem(HEIGHT_KEY));
  return Number.isFinite(value) && value > 0 ? clamp(value) : 260;
}

/** The resizable bottom panel with the Data and Runs tabs. */
export function BottomPanel() {
  const [tab, setTab] = useState<Tab>('data');
  const [height, setHeight] = useState(storedHeight);
  const resize = (next: number) => {
    const h = clamp(next);
    setHeight(h);
    localStorage.setItem(HEIGHT_KEY, String(h));
  };
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    const startY = event.clientY;
    const startHeight = height;
    event.currentTarget.setPointerCapture(event.pointerId);
    const move = (e: globalThis.PointerEvent) => resize(startHeight + (startY - e.clientY));
    const up = () => { window.removeEventListener('pointermove', move); window.removeEventListener('pointerup', up); };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowUp') resize(height + 24);
    else if (event.key === 'ArrowDown') resize(height - 24);
    else return;
    event.preventDefault();
  };
  const onTabKey = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    setTab((t) => (t === 'data' ? 'runs' : 'data'));
  };
  return (
    <section className="bottom-panel" style={{ height }} aria-label="Data and runs">
      <div
        className="resize-handle"
        role="separator"
        aria-orientation="horizontal"
        aria-label="Resize bottom panel"
        aria-valuenow={height}
        aria-valuemin={MIN}
        aria-valuemax={maxHeight()}
        tabIndex={0}
        onPointerDown={onPointerDown}
        onKeyDown={onKeyDown}
      />
      <div role="tablist" aria-label="Bottom panel" className="tabs" onKeyDown={onTabKey}>
        {TABS.map((t) => (
          <button key={t.id} type="button" role="tab" id={`tab-${t.id}`} aria-selected={tab === t.id} aria-controls={`tabpanel-${t.id}`} tabIndex={tab === t.id ? 0 : -1} onClick={() => setTab(t.id)}>
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`tabpanel-${tab}`} aria-labelledby={`tab-${tab}`} className="tab-body">
        <Suspense fallback={<p className="muted">Loading…</p>}>{tab === 'data' ? <DataPanel /> : <RunsPanel />}</Suspense>
      </div>
    </section>
  );
}
