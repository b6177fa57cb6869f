import type { ProviderSpec } from '../../worker/protocol';
import { DEMO_PROVIDER_ID, type ProviderRecord } from './presets';

/** What the worker needs to call a provider; the key comes from memory or the stored record. */
export function toProviderSpec(record: ProviderRecord, key: string | undefined): ProviderSpec {
  const taskModel = record.taskModel ?? record.models[0];
  if (!taskModel) throw new Error(`provider '${record.name}' has no task model: open Providers and pick one`);
  const promptModel = record.promptModel ?? taskModel;
  if (record.id === DEMO_PROVIDER_ID) return { kind: 'demo', taskModel, promptModel };
  const apiKey = key ?? record.apiKey;
  return { kind: 'http', baseURL: record.baseURL, taskModel, promptModel, ...(apiKey ? { apiKey } : {}) };
}

/** A record fit for storage: the key is kept only when the user asked to remember it. */
export function storableRecord(record: ProviderRecord, key: string | undefined): ProviderRecord {
  const { apiKey: _dropped, ...rest } = record;
  return record.remember && key ? { ...rest, apiKey: key } : rest;
}

/** "••••" when a key is set: the key itself is never shown again after entry. */
export function maskedKey(key: string | undefined): string {
  return key ? '•'.repeat(8) : 'no key';
}

export function newProviderId(name: string): string {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'provider';
  return `${slug}-${Math.random().toString(36).slice(2, 8)}`;
}
