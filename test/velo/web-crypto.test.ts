// The backend computes its HMACs with Web Crypto (so the bundle Wix runs imports nothing but
// @wix/*). These check, independently with node:crypto, that the switch changed no byte: every
// thread ID a site already stored is derived again, and SiteGPT still accepts the signature.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import { signEmail } from '../../velo/backend/threads/email-signature.js';
import { deriveThreadId, threadKey } from '../../velo/backend/threads/thread-id.js';

/** The derivation as it was written with node:crypto before the switch. */
function nodeThreadId(apiKey: string, threadSecret: string | undefined, input: unknown[]): string {
  const key = threadSecret
    ? Buffer.from(threadSecret, 'utf8')
    : createHmac('sha256', apiKey).update('sitegpt-member-chat/thread-id/v1').digest();
  const bytes = createHmac('sha256', key).update(JSON.stringify(input)).digest();
  bytes[6] = (bytes[6]! & 0x0f) | 0x80;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const cases = [
  { apiKey: 'api-key-1', threadSecret: undefined, chatbotId: '361628903185318481', memberId: 'member-ada', generation: 0 },
  { apiKey: 'api-key-1', threadSecret: 'thread-secret', chatbotId: 'bot-1', memberId: 'member-ada', generation: 7 },
  { apiKey: 'sgpt_ключ_ü', threadSecret: 'geheimnis-ß-🔑', chatbotId: 'bot-2', memberId: 'm-ü', generation: 123456 },
];

describe('Web Crypto HMAC', () => {
  it('derives the same thread IDs as the node:crypto code it replaced', async () => {
    for (const { apiKey, threadSecret, chatbotId, memberId, generation } of cases) {
      const ours = await deriveThreadId(await threadKey(apiKey, threadSecret), { chatbotId, memberId, generation });
      assert.equal(ours, nodeThreadId(apiKey, threadSecret, [chatbotId, memberId, generation]));
    }
  });

  it('signs emails byte for byte like node:crypto, non-ASCII included', async () => {
    for (const [apiKey, email] of [['api-key-1', 'ada@example.com'], ['sgpt_ключ', 'jürgen.ß@例え.jp']] as const) {
      assert.equal(await signEmail(apiKey, email), createHmac('sha256', apiKey).update(email).digest('hex'));
    }
  });
});
