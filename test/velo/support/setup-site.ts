/**
 * A Wix site for the setup check: the fake site's secrets and collection structures as the
 * install guide asks for them, an OpenAI-compatible endpoint's model list, and the admin kit on
 * the real Wix setup adapters (SDK → msw) with the SiteGPT stand-in behind them.
 */
import { http, HttpResponse } from 'msw';
import type { SetupCheck, SetupResult } from '../../../contract/setup.js';
import { createAdminKit } from '../../../velo/backend/admin-kit.js';
import { makeConfig, type ConfigOverrides } from '../../../velo/backend/config.js';
import { FIELD_TYPES, MESSAGE_FIELDS, THREAD_FIELDS, type ExpectedType } from '../../../velo/backend/setup/expected.js';
import type { RealtimeRuleLoader } from '../../../velo/backend/setup/ports.js';
import { wixSetupPorts } from '../../../velo/backend/wix/setup-ports.js';
import { wixTranscriptStore } from '../../../velo/backend/wix/transcript-store.js';
import { CapturedLog, ShiftedClock } from './memory-ports.js';
import { OPENAI_BASE_URL, OPENAI_KEY } from './openai-standin.js';
import { BASE_URL, siteSecrets } from './standin.js';
import type { CollectionDef, WixFake } from './wix-fake.js';

export const ADMIN_ONLY = { read: 'ADMIN', insert: 'ADMIN', update: 'ADMIN', remove: 'ADMIN' };
export const THREAD_SECRET = 'thr-secret-5b0c9e1d7a2f-DO-NOT-LEAK';
export const V2_TOKEN = 'sgpt_8e3f1a6c2b9d-DO-NOT-LEAK';

/** A collection as the guide describes it, in the API's types. */
export function collectionDef(fields: Record<string, ExpectedType>, permissions = ADMIN_ONLY): CollectionDef {
  return { fields: Object.entries(fields).map(([key, kind]) => ({ key, type: FIELD_TYPES[kind].accepts[0] })), permissions };
}

/** Every secret, the three collections Admin-only with every field, the settings collection with its Title field only. */
export function setUpAsTheGuideSays(wix: WixFake): void {
  for (const [name, value] of Object.entries(siteSecrets({ SITEGPT_THREAD_SECRET: THREAD_SECRET, SITEGPT_V2_TOKEN: V2_TOKEN }))) wix.secrets.set(name, value);
  wix.collectionDefs.set('SiteGptMemberThreads', collectionDef(THREAD_FIELDS));
  wix.collectionDefs.set('SiteGptMessages', collectionDef(MESSAGE_FIELDS));
  wix.collectionDefs.set('SiteGptSettings', { fields: [{ key: 'title', type: 'TEXT' }], permissions: ADMIN_ONLY });
}

/** `GET {OPENAI_BASE_URL}/models`: OpenAI's list shape, the key checked, every request kept. */
export function createModelsEndpoint() {
  const requests: Array<{ url: string; authorization: string | null; method: string }> = [];
  let models = ['gpt-4o-mini', 'gpt-4o'];
  const handlers = [
    http.get(`${OPENAI_BASE_URL}/models`, ({ request }) => {
      requests.push({ url: request.url, authorization: request.headers.get('authorization'), method: request.method });
      if (request.headers.get('authorization') !== `Bearer ${OPENAI_KEY}`) {
        return HttpResponse.json({ error: { message: 'Incorrect API key provided', type: 'invalid_request_error', code: 'invalid_api_key' } }, { status: 401 });
      }
      return HttpResponse.json({ object: 'list', data: models.map((id) => ({ id, object: 'model', owned_by: 'system' })) });
    }),
  ];
  return {
    handlers,
    requests,
    offer(ids: string[]) {
      models = ids;
    },
    reset() {
      requests.length = 0;
      models = ['gpt-4o-mini', 'gpt-4o'];
    },
  };
}

export const ownRealtimeRule: RealtimeRuleLoader = () => import('../../../velo/backend/realtime-permissions.js');

/** The admin kit with the setup check on the real Wix adapters: one backend container. */
export function setupKit(options: { realtimeRule?: RealtimeRuleLoader; config?: ConfigOverrides } = {}) {
  const config = makeConfig({ sitegptBaseUrl: BASE_URL, timeouts: { overallMs: 4_000, sitegptCallMs: 1_000, wixCallMs: 1_000 }, ...options.config });
  const log = new CapturedLog();
  const kit = createAdminKit(
    {
      transcript: wixTranscriptStore(config.chat.messagesCollection),
      clock: new ShiftedClock(),
      log,
      setup: wixSetupPorts(config, options.realtimeRule ?? ownRealtimeRule),
    },
    config,
  );
  return { kit, log, config };
}

/** The rows of a successful answer, by ID. */
export function rows(result: SetupResult): Record<string, SetupCheck> {
  if (!result.ok) throw new Error(`checkSetup failed: ${JSON.stringify(result)}`);
  return Object.fromEntries(result.checks.map((check) => [check.id, check]));
}

export const statuses = (result: SetupResult): Record<string, string> => Object.fromEntries(Object.entries(rows(result)).map(([id, check]) => [id, check.status]));
