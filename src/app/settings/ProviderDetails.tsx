import { useEffect } from 'react';
import { useModelList } from '../providers/models';
import { DEMO_PROVIDER_ID, type ProviderRecord } from '../providers/presets';
import { maskedKey } from '../providers/spec';
import { useProviderStore } from '../providers/store';
import { ModelSelect } from './ModelSelect';

/** Key status, Test connection (lists the models), and the task / prompt model choice. */
export function ProviderDetails({ record }: { record: ProviderRecord }) {
  const sessionKey = useProviderStore((s) => s.sessionKeys[record.id]);
  const update = useProviderStore((s) => s.update);
  const remove = useProviderStore((s) => s.remove);
  const key = sessionKey ?? record.apiKey;
  const models = useModelList(record, key);
  const isDemo = record.id === DEMO_PROVIDER_ID;
  const listed = models.data;

  useEffect(() => {
    // Remember the listed models so the choice survives a reload without another request.
    if (listed && listed.join() !== record.models.join()) void update(record.id, { models: listed, taskModel: record.taskModel ?? listed[0] });
  }, [listed, record.id, record.models, record.taskModel, update]);

  const choices = listed ?? record.models;
  return (
    <div className="provider-details" aria-label={`${record.name} settings`} role="group">
      <p>
        <span>{record.baseURL}</span> · <span aria-label="API key status">{isDemo ? 'no key needed' : record.remember ? `key ${maskedKey(key)} (remembered)` : `key ${maskedKey(key)} (this session only)`}</span>
      </p>
      <div className="row">
        <button type="button" onClick={() => void models.refetch()} disabled={models.isFetching}>
          Test connection
        </button>
        {!isDemo && (
          <button type="button" onClick={() => void remove(record.id)}>
            Remove provider
          </button>
        )}
      </div>
      <p role="status" aria-label="Connection status">
        {models.isFetching ? 'Connecting…' : models.isError ? `Connection failed: ${models.error.message}` : listed ? `Connected: ${listed.length} models` : ''}
      </p>
      {choices.length > 0 && (
        <div className="row">
          <ModelSelect label="Task model" models={choices} value={record.taskModel ?? choices[0] ?? ''} disabled={isDemo} onChange={(m) => void update(record.id, { taskModel: m })} />
          <ModelSelect label="Prompt model" models={choices} value={record.promptModel ?? record.taskModel ?? choices[0] ?? ''} disabled={isDemo} onChange={(m) => void update(record.id, { promptModel: m })} />
        </div>
      )}
    </div>
  );
}
