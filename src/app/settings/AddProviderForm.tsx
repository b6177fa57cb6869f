import { useState, type FormEvent } from 'react';
import { PROVIDER_PRESETS } from '../providers/presets';
import { newProviderId } from '../providers/spec';
import { useProviderStore } from '../providers/store';

/** Adds an OpenAI-compatible provider. The key field is cleared on save and never shown again. */
export function AddProviderForm() {
  const save = useProviderStore((s) => s.save);
  const [name, setName] = useState('');
  const [baseURL, setBaseURL] = useState('');
  const [key, setKey] = useState('');
  const [remember, setRemember] = useState(false);
  const [error, setError] = useState<string>();

  const applyPreset = (presetName: string) => {
    const preset = PROVIDER_PRESETS.find((p) => p.name === presetName);
    if (!preset) return;
    setName(preset.name);
    setBaseURL(preset.baseURL);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const url = baseURL.trim();
    if (!name.trim()) return setError('Give the provider a name.');
    if (!/^https?:\/\//.test(url)) return setError('The base URL must start with http:// or https://, e.g. https://api.openai.com/v1');
    setError(undefined);
    try {
      await save({ id: newProviderId(name), name: name.trim(), baseURL: url.replace(/\/+$/, ''), models: [], remember }, key.trim() || undefined);
      setName('');
      setBaseURL('');
      setKey('');
      setRemember(false);
    } catch (err) {
      setError(`Could not save the provider: ${err instanceof Error ? err.message : String(err)}`);
    }
  };

  return (
    <form className="provider-form" aria-label="Add provider" onSubmit={(e) => void submit(e)}>
      <h3>Add a provider</h3>
      <label>
        Preset
        <select aria-label="Preset" value="" onChange={(e) => applyPreset(e.target.value)}>
          <option value="">Custom…</option>
          {PROVIDER_PRESETS.map((p) => (
            <option key={p.name} value={p.name}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Name
        <input value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label>
        Base URL
        <input value={baseURL} onChange={(e) => setBaseURL(e.target.value)} placeholder="https://api.openai.com/v1" inputMode="url" />
      </label>
      <label>
        API key
        <input type="password" value={key} onChange={(e) => setKey(e.target.value)} autoComplete="off" />
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} />
        Remember the key on this device
      </label>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button type="submit">Save provider</button>
    </form>
  );
}
