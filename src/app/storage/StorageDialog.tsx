import { useEffect } from 'react';
import { ClearCacheButton } from './ClearCacheButton';
import { useStorageStore } from './storage-store';
import { cacheText, persistenceText, usageText } from './storage-text';
import '../settings/modal.css';
import './storage.css';
import { useEscape } from '../layout/useEscape';

/** Where this site's data lives: persistence, usage against the quota, and the LM cache. */
export function StorageDialog({ onClose }: { onClose: () => void }) {
  const { persistence, estimate, cache, refresh, askPersistence } = useStorageStore();
  useEffect(() => {
    void refresh();
  }, [refresh]);
  useEscape(onClose);
  const kept = persistenceText(persistence);
  return (
    <div className="modal-backdrop">
      <div className="modal storage-dialog" role="dialog" aria-modal="true" aria-labelledby="storage-title">
        <header className="modal-header">
          <h2 id="storage-title">Storage</h2>
          <button type="button" onClick={onClose}>Close</button>
        </header>
        <section aria-label="Persistence">
          <h3>Persistence: <span aria-label="Persistence state">{kept.title}</span></h3>
          <p>{kept.detail}</p>
          {persistence === 'best-effort' && (
            <button type="button" onClick={() => void askPersistence()}>Ask the browser to keep data</button>
          )}
        </section>
        <section aria-label="Usage">
          <h3>Usage</h3>
          <p aria-label="Storage usage">{usageText(estimate)}</p>
        </section>
        <section aria-label="LM cache">
          <h3>LM cache</h3>
          <p>Replies already paid for, reused when the same prompt is sent again and for replaying a trial's messages.</p>
          <p aria-label="LM cache size">{cacheText(cache)}</p>
          <ClearCacheButton />
        </section>
      </div>
    </div>
  );
}
