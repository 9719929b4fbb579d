/**
 * Is the SiteGPT API key valid, and does it reach the chatbot? One cheap authenticated read:
 * the thread of an ID no conversation has. "Not found" for the thread means SiteGPT took the key
 * and knows the chatbot; its set-up codes say which of the two is wrong. It sends no message and
 * creates nothing. The key and the chatbot ID are read only to make this call.
 */
import type { SetupCheck } from '../../../contract/setup.js';
import type { BackendConfig } from '../config.js';
import type { Deadline } from '../runtime/deadline.js';
import type { SetupPorts } from './ports.js';
import { read, row, TRY_AGAIN, whyUnread, type Read } from './rows.js';

/** A valid UUID (SiteGPT's thread-ID shape) that the kit's derived IDs (version 8) never take. */
export const PROBE_THREAD_ID = '00000000-0000-4000-8000-000000000000';

const TITLE = 'SiteGPT key and chatbot';

/** The row, and whether SiteGPT was called (not when a secret was missing or unread). */
export async function sitegptRow(
  ports: Pick<SetupPorts, 'secrets' | 'sitegpt'>,
  config: BackendConfig,
  deadline: Deadline,
): Promise<{ row: SetupCheck; called: boolean }> {
  const names = config.secretNames;
  const secret = (name: string) => read('secrets', config.timeouts.wixCallMs, deadline, () => ports.secrets.get(name));
  const [apiKey, chatbotId] = await Promise.all([secret(names.apiKey), secret(names.chatbotId)]);
  const unread = [apiKey, chatbotId].find((value): value is Extract<Read<string | undefined>, { ok: false }> => !value.ok);
  if (unread) return skipped(row('sitegpt-access', 'unchecked', TITLE, `Not checked: the secrets could not be read. ${whyUnread(unread.failure, 'Wix')}`, TRY_AGAIN));
  if (!apiKey.ok || !chatbotId.ok || !apiKey.value || !chatbotId.value?.trim()) {
    return skipped(row('sitegpt-access', 'unchecked', TITLE, `Not checked: it needs both secrets, ${names.apiKey} and ${names.chatbotId} (see above).`, 'Add the missing secret, then check again.'));
  }

  const probe = await read('sitegpt', config.timeouts.overallMs, deadline, () =>
    ports.sitegpt.threadMessages({ apiKey: apiKey.value!, chatbotId: chatbotId.value!.trim(), threadId: PROBE_THREAD_ID }, deadline),
  );
  return { row: probeAnswer(probe, names), called: true };
}

function probeAnswer(probe: Read<unknown>, names: BackendConfig['secretNames']): SetupCheck {
  if (probe.ok) {
    return row('sitegpt-access', 'pass', TITLE, "SiteGPT accepted the API key and found the chatbot. (The check asked for a conversation that doesn't exist, which sends no message.)");
  }
  const { failure } = probe;
  if (failure.reason === 'sitegpt-auth') {
    return row(
      'sitegpt-access',
      'fail',
      TITLE,
      `SiteGPT refused the API key in ${names.apiKey}.`,
      `Replace the value of the secret ${names.apiKey} with your SiteGPT account API key: the legacy (v0) key on SiteGPT's Billing or Profile → API Access page, not a v2 sgpt_ token. Copy it without spaces. Members' chats use the new value within 5 minutes.`,
    );
  }
  if (failure.reason === 'sitegpt-chatbot-not-found' || failure.reason === 'sitegpt-not-found') {
    return row(
      'sitegpt-access',
      'fail',
      TITLE,
      `SiteGPT took the API key but doesn't know the chatbot in ${names.chatbotId}.`,
      `Copy your chatbot's ID from SiteGPT into the secret ${names.chatbotId}. It must be a chatbot of the same SiteGPT account as the API key, and the same ID as the chat element's chatbot-id.`,
    );
  }
  if (failure.reason === 'sitegpt-messages-limit') {
    return row('sitegpt-access', 'warn', TITLE, "SiteGPT took the key, but your account's message quota is used up: members get automatic replies.", "Raise your SiteGPT plan's message quota, or wait for the next month.");
  }
  return row('sitegpt-access', 'unchecked', TITLE, `Not checked: ${whyUnread(failure, 'SiteGPT')}`, TRY_AGAIN);
}

const skipped = (check: SetupCheck) => ({ row: check, called: false });
