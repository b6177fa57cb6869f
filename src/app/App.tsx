import { ReactFlowProvider } from '@xyflow/react';
import { lazy, Suspense, useEffect, useState } from 'react';
import { Canvas } from './editor/Canvas';
import { Inspector } from './editor/inspector/Inspector';
import { Palette } from './editor/Palette';
import { BottomPanel } from './layout/BottomPanel';
import { Header } from './layout/Header';
import { ProjectsPanel } from './projects/ProjectsPanel';
import { startSession } from './projects/session';
import { CodeTrustDialog } from './sandbox/CodeTrustDialog';

const ProvidersDialog = lazy(() => import('./settings/ProvidersDialog').then((m) => ({ default: m.ProvidersDialog })));

/** Lays out the panels; each panel reads the store itself. */
export function App() {
  const [providersOpen, setProvidersOpen] = useState(false);
  useEffect(() => startSession(), []);
  return (
    <ReactFlowProvider>
      <div className="app">
        <Header onOpenProviders={() => setProvidersOpen(true)} />
        <main className="studio" aria-label="Studio">
          <aside className="studio-left" aria-label="Projects and modules">
            <ProjectsPanel />
            <Palette />
          </aside>
          <Canvas />
          <aside className="studio-right" aria-label="Inspector">
            <Inspector />
          </aside>
          <BottomPanel />
        </main>
        <CodeTrustDialog />
        {providersOpen && (
          <Suspense fallback={null}>
            <ProvidersDialog open={providersOpen} onClose={() => setProvidersOpen(false)} />
          </Suspense>
        )}
      </div>
    </ReactFlowProvider>
  );
}
