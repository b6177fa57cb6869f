import { useEffect } from 'react';
import { useProviderStore } from '../providers/store';
import { AddProviderForm } from './AddProviderForm';
import { ProviderList } from './ProviderList';
import './modal.css';
import { useEscape } from '../layout/useEscape';

export interface ProvidersDialogProps {
  open: boolean;
  onClose: () => void;
}

/** Providers, keys and the task / prompt models. Keys stay in memory unless "remember" is on. */
export function ProvidersDialog({ open, onClose }: ProvidersDialogProps) {
  const loaded = useProviderStore((s) => s.loaded);
  const load = useProviderStore((s) => s.load);
  useEffect(() => {
    if (open && !loaded) void load();
  }, [open, loaded, load]);
  useEscape(onClose, open);
  if (!open) return null;
  return (
    <div className="modal-backdrop">
      <div className="modal" role="dialog" aria-modal="true" aria-labelledby="providers-title">
        <header className="modal-header">
          <h2 id="providers-title">Providers</h2>
          <button type="button" onClick={onClose}>
            Close
          </button>
        </header>
        <ProviderList />
        <AddProviderForm />
      </div>
    </div>
  );
}
