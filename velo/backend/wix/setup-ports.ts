/**
 * What checkSetup reads on a real Wix site: secret names, collection structures, the settings
 * item, SiteGPT (one thread read), an OpenAI-compatible endpoint's model list, and the site's own
 * backend/realtime-permissions.js, loaded by `loadRealtimeRule` (sitegpt-admin.web.ts).
 */
import type { BackendConfig } from '../config.js';
import { createSitegptClient } from '../providers/sitegpt/client.js';
import { createOpenAiModels } from '../setup/openai-models.js';
import type { RealtimeRuleLoader, SetupPorts } from '../setup/ports.js';
import { wixCollectionSchemas } from './collection-schemas.js';
import { wixSecretNames } from './secret-names.js';
import { wixSecrets } from './secrets.js';
import { wixSettingsStore } from './settings-store.js';

export function wixSetupPorts(config: BackendConfig, loadRealtimeRule: RealtimeRuleLoader): Omit<SetupPorts, 'clock' | 'log'> {
  // Looked up per call, not captured at load (see wix/ports.ts).
  const fetch: typeof globalThis.fetch = (input, init) => globalThis.fetch(input, init);
  return {
    secretNames: wixSecretNames(),
    secrets: wixSecrets(),
    collections: wixCollectionSchemas(),
    settings: wixSettingsStore(config.guardrails.settingsCollection),
    sitegpt: createSitegptClient({
      baseUrl: config.sitegptBaseUrl,
      fetch,
      callTimeoutMs: config.timeouts.sitegptCallMs,
      sendTimeoutMs: config.timeouts.sitegptSendMs,
      maxReplyBytes: config.sitegptMaxReplyBytes,
    }),
    openaiModels: createOpenAiModels({ fetch }),
    realtimeRule: loadRealtimeRule,
  };
}
