import { useState } from 'react';
import { useStorageStore } from './storage-store';

/** "Clear LM cache" with a confirmation step; afterwards says how many responses went. */
export function ClearCacheButton({ onCleared }: { onCleared?: (count: number) => void }) {
  const [stage, setStage] = useState<'idle' | 'confirm' | 'clearing'>('idle');
  const [result, setResult] = useState<string>();
  const clear = async () => {
    setStage('clearing');
    try {
      const count = await useStorageStore.getState().clearCache();
      setResult(`Cleared ${count} cached ${count === 1 ? 'response' : 'responses'}.`);
      onCleared?.(count);
    } catch (error) {
      setResult(`Could not clear the LM cache: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setStage('idle');
    }
  };
  if (stage === 'confirm') {
    return (
      <span className="clear-cache-confirm" role="group" aria-label="Confirm clearing the LM cache">
        <span>Delete every cached LM response? Runs and scores stay; replays and repeated calls will cost again.</span>
        <button type="button" className="danger" onClick={() => void clear()}>Yes, clear it</button>
        <button type="button" onClick={() => setStage('idle')}>Cancel</button>
      </span>
    );
  }
  return (
    <span className="clear-cache">
      <button type="button" disabled={stage === 'clearing'} onClick={() => { setResult(undefined); setStage('confirm'); }}>
        Clear LM cache
      </button>
      {result && <span role="status">{result}</span>}
    </span>
  );
}
