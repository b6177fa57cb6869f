import { useProjectStore, type SaveStatus } from '../state/project-store';

const TEXT: Record<SaveStatus, string> = { saved: 'All changes saved', pending: 'Saving…', failed: 'Not saved' };

export function SaveStatusText() {
  const status = useProjectStore((s) => s.saveStatus);
  return (
    <span className={`save-status save-${status}`} role="status" aria-label="Save status">
      {TEXT[status]}
    </span>
  );
}
