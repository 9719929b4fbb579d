/**
 * The per-site values from the Secrets Manager. They are reused for a few minutes within one
 * backend container, so a returning member costs one member look-up and one CMS read, not
 * three secret reads as well; a rotated key takes effect within `secretsCacheMs`.
 */
import type { BackendConfig } from '../config.js';
import { Deadline } from '../runtime/deadline.js';
import { Failure } from '../runtime/failure.js';
import type { Clock, SecretsPort } from '../runtime/ports.js';
import { threadKey } from './thread-id.js';
import { portCall } from '../runtime/port-call.js';
import { SingleFlight } from '../runtime/single-flight.js';

export interface SiteSecrets {
  apiKey: string;
  chatbotId: string;
  threadKey: Uint8Array;
}

export function createSiteSecretsLoader(secrets: SecretsPort, clock: Clock, config: BackendConfig) {
  let cached: { settings: SiteSecrets; until: number } | undefined;
  // Concurrent callers share one load, which runs on its own deadline (see SingleFlight).
  const loading = new SingleFlight<SiteSecrets>('settings', () => new Deadline(clock, config.timeouts.overallMs));

  async function read(deadline: Deadline): Promise<SiteSecrets> {
    const names = config.secretNames;
    const get = (name: string) => portCall('secrets', deadline, config, () => secrets.get(name));
    const [apiKey, chatbotId, threadSecret] = await Promise.all([
      get(names.apiKey),
      get(names.chatbotId),
      get(names.threadSecret),
    ]);
    if (!apiKey) throw missing(names.apiKey);
    if (!chatbotId) throw missing(names.chatbotId);
    return { apiKey, chatbotId: chatbotId.trim(), threadKey: await threadKey(apiKey, threadSecret) };
  }

  return {
    async load(deadline: Deadline): Promise<SiteSecrets> {
      if (cached && cached.until > clock.now()) return cached.settings;
      // Only successes are kept: a secret the owner adds now is picked up on the next call.
      return loading.run('secrets', deadline, async (loadDeadline) => {
        const settings = await read(loadDeadline);
        cached = { settings, until: clock.now() + config.secretsCacheMs };
        return settings;
      });
    },
  };
}

function missing(name: string): Failure {
  return new Failure('MISCONFIGURED', 'secret-missing', {
    message: `The chat is not set up on this site: the secret ${name} is missing.`,
  });
}
