import type { ProviderRecord } from '../../db';
import { DEMO_BASE_URL } from '../../worker/clients';

export type { ProviderRecord };

export const DEMO_PROVIDER_ID = 'demo';

/** Built in, never stored: the simulated LM running in the page, so a first run needs no key. */
export const DEMO_PROVIDER: ProviderRecord = {
  id: DEMO_PROVIDER_ID,
  name: 'Demo (offline simulator)',
  baseURL: DEMO_BASE_URL,
  models: ['sim-1', 'sim-small'],
  taskModel: 'sim-1',
  promptModel: 'sim-1',
  remember: false,
};

export interface ProviderPreset {
  name: string;
  baseURL: string;
  /** Local servers need no key. */
  needsKey: boolean;
}

export const PROVIDER_PRESETS: readonly ProviderPreset[] = [
  { name: 'OpenAI', baseURL: 'https://api.openai.com/v1', needsKey: true },
  { name: 'OpenRouter', baseURL: 'https://openrouter.ai/api/v1', needsKey: true },
  { name: 'Groq', baseURL: 'https://api.groq.com/openai/v1', needsKey: true },
  { name: 'Together', baseURL: 'https://api.together.xyz/v1', needsKey: true },
  { name: 'Ollama (localhost)', baseURL: 'http://localhost:11434/v1', needsKey: false },
  { name: 'LM Studio (localhost)', baseURL: 'http://localhost:1234/v1', needsKey: false },
];
