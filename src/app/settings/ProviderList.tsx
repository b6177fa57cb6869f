import { allProviders, providerById, useProviderStore } from '../providers/store';
import { ProviderDetails } from './ProviderDetails';

/** Choose the active provider; its connection and models show below. */
export function ProviderList() {
  const saved = useProviderStore((s) => s.saved);
  const activeId = useProviderStore((s) => s.activeId);
  const setActive = useProviderStore((s) => s.setActive);
  const active = providerById({ saved }, activeId);
  return (
    <section aria-label="Provider list">
      <fieldset>
        <legend>Active provider</legend>
        {allProviders(saved).map((p) => (
          <label key={p.id} className="radio">
            <input type="radio" name="active-provider" value={p.id} checked={p.id === activeId} onChange={() => setActive(p.id)} />
            {p.name}
          </label>
        ))}
      </fieldset>
      <ProviderDetails key={active.id} record={active} />
    </section>
  );
}
