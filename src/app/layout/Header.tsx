import { useProjectStore } from '../state/project-store';
import { StorageButton } from '../storage/StorageButton';
import { ExportMenu } from './ExportMenu';
import { SaveStatusText } from './SaveStatusText';
import { ThemeToggle } from './ThemeToggle';

export function Header({ onOpenProviders }: { onOpenProviders: () => void }) {
  const name = useProjectStore((s) => s.name);
  return (
    <header className="app-header">
      <h1>Prompt Studio</h1>
      {name && <span className="project-name" aria-label="Open project">{name}</span>}
      {name && <SaveStatusText />}
      <span className="spacer" />
      <button type="button" className="ghost" onClick={onOpenProviders}>Providers</button>
      <StorageButton />
      <ExportMenu />
      <ThemeToggle />
    </header>
  );
}
