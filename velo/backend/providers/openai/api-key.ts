/**
 * The OpenAI-compatible provider's key, `OPENAI_API_KEY` in the Secrets Manager, read through
 * the secrets port and reused for `secretsCacheMs` within one backend container, like SiteGPT's
 * (threads/site-secrets.ts): a rotated key takes effect within that. Only a key that was found
 * is kept, so one the owner adds now works on the next question.
 */
import type { BackendConfig } from '../../config.js';
import type { Deadline } from '../../runtime/deadline.js';
import { Failure } from '../../runtime/failure.js';
import { portCall } from '../../runtime/port-call.js';
import type { Clock, SecretsPort } from '../../runtime/ports.js';

export function createApiKeySource(secrets: SecretsPort, clock: Clock, config: BackendConfig) {
  let cached: { key: string; until: number } | undefined;
  return {
    async get(deadline: Deadline): Promise<string> {
      if (cached && cached.until > clock.now()) return cached.key;
      const name = config.secretNames.openaiApiKey;
      const key = (await portCall('secrets', deadline, config, () => secrets.get(name)))?.trim();
      if (!key) {
        throw new Failure('MISCONFIGURED', 'secret-missing', { message: `The chat is not set up on this site: the secret ${name} is missing.` });
      }
      cached = { key, until: clock.now() + config.secretsCacheMs };
      return key;
    },
  };
}
