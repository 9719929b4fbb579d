/**
 * What the setup check (checkSetup) reads in the sandbox, and its *Break the setup* switch.
 * Secrets: the names the sandbox has; the settings: its settings file; SiteGPT and the
 * OpenAI-compatible endpoint: the same fetches the chat uses (stand-ins or the real ones); the
 * realtime rule: the kit's own backend/realtime-permissions. The sandbox keeps its data in
 * SQLite, not in Wix collections, so their structures are described as the install guide asks
 * for them, Admin-only: the check's collection rows show the guide's collections, not the
 * sandbox's tables.
 *
 * Broken, the site has no SITEGPT_API_KEY (the members' chats too: they show "not set up
 * correctly", as on a site) and SiteGptMessages has lost its threadId field.
 */
import type { BackendConfig } from '../velo/backend/config.js';
import type { SettingsStore } from '../velo/backend/ports.js';
import { createSitegptClient } from '../velo/backend/providers/sitegpt/client.js';
import { expectedCollections, FIELD_TYPES } from '../velo/backend/setup/expected.js';
import { createOpenAiModels, modelsUrl } from '../velo/backend/setup/openai-models.js';
import type { CollectionSchema, SetupPorts } from '../velo/backend/setup/ports.js';
import { STANDIN_OPENAI_BASE } from './openai-standin.js';

export const DROPPED_SECRET = 'SITEGPT_API_KEY';
export const DROPPED_FIELD = { collection: 'SiteGptMessages', field: 'threadId' } as const;
/** The stand-in endpoint's model list (the chat-completions stand-in answers any model). */
const STANDIN_MODELS = ['gpt-4o-mini', 'gpt-4o'];

export class SetupSwitch {
  broken = false;

  /** The sandbox's secrets as the site has them now: without SITEGPT_API_KEY while broken. */
  secrets<T extends Readonly<Record<string, string | undefined>>>(all: T): T {
    return new Proxy(all, { get: (target, name) => (this.broken && name === DROPPED_SECRET ? undefined : Reflect.get(target, name)) });
  }
}

export interface SandboxSetupOptions {
  config: BackendConfig;
  setup: SetupSwitch;
  /** The secrets as SetupSwitch.secrets hands them out. */
  secrets: Readonly<Record<string, string | undefined>>;
  settings: SettingsStore;
  sitegptFetch: typeof fetch;
  /** The DEV key the stand-in endpoint takes, when the stand-in answers. */
  openaiStandinKey?: string;
  openaiFetch: typeof fetch;
}

export function sandboxSetupPorts(options: SandboxSetupOptions): Omit<SetupPorts, 'clock' | 'log'> {
  const { config, setup } = options;
  const expected = Object.values(expectedCollections(config));
  return {
    secretNames: { names: async () => Object.keys(options.secrets).filter((name) => options.secrets[name] !== undefined) },
    secrets: { get: async (name) => options.secrets[name] },
    collections: {
      async get(collectionId) {
        const collection = expected.find((candidate) => candidate.id === collectionId);
        if (!collection) return null;
        const keys = Object.entries(collection.fields).filter(([key]) => !(setup.broken && collectionId === DROPPED_FIELD.collection && key === DROPPED_FIELD.field));
        const schema: CollectionSchema = {
          fields: [{ key: 'title', type: 'TEXT' }, ...keys.map(([key, kind]) => ({ key, type: FIELD_TYPES[kind].accepts[0] }))],
          permissions: { read: 'ADMIN', insert: 'ADMIN', update: 'ADMIN', remove: 'ADMIN' },
        };
        return schema;
      },
    },
    settings: options.settings,
    sitegpt: createSitegptClient({
      baseUrl: config.sitegptBaseUrl,
      fetch: options.sitegptFetch,
      callTimeoutMs: config.timeouts.sitegptCallMs,
      sendTimeoutMs: config.timeouts.sitegptSendMs,
      maxReplyBytes: config.sitegptMaxReplyBytes,
    }),
    openaiModels: createOpenAiModels({ fetch: withStandinModels(options.openaiFetch, options.openaiStandinKey) }),
    realtimeRule: () => import('../velo/backend/realtime-permissions.js'),
  };
}

/** The chat-completions stand-in has no model list: the sandbox answers `GET …/models` for it, checking the key. */
function withStandinModels(fetch: typeof globalThis.fetch, key: string | undefined): typeof globalThis.fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    if (request.method !== 'GET' || request.url !== modelsUrl(STANDIN_OPENAI_BASE)) return fetch(request);
    if (request.headers.get('authorization') !== `Bearer ${key}`) return Response.json({ error: { message: 'Incorrect API key provided' } }, { status: 401 });
    return Response.json({ object: 'list', data: STANDIN_MODELS.map((id) => ({ id, object: 'model' })) });
  };
}
