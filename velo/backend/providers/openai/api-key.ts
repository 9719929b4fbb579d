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

/**
 * The key as the chat sends it: without the spaces or newline a pasted secret may carry;
 * undefined when nothing is left. The setup check reads the key the same way.
 */
export function usableApiKey(value: string | null | undefined): string | undefined {
  return value?.trim() || undefined;
}

export function createApiKeySource(secrets: SecretsPort, clock: Clock, config: BackendConfig) {
  let cached: { key: string; until: number } | undefined;
  return {
    async get(deadline: Deadline): Promise<string> {
      if (cached && cached.until > clock.now()) return cached.key;
      const name = config.secretNames.openaiApiKey;
      const key = usableApiKey(await portCall('secrets', deadline, config, () => secrets.get(name)));
      if (!key) {
        throw new Failure('MISCONFIGURED', 'secret-missing', { message: `The chat is not set up on this site: the secret ${name} is missing.` });
      }
      cached = { key, until: clock.now() + config.secretsCacheMs };
      return key;
    },
  };
}
