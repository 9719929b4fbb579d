/**
 * One row per secret of the install guide: present or not, from the list of the site's secret
 * NAMES (Wix's listSecretInfo), never a value. Two are required; the OpenAI key only when the
 * settings choose that provider; the rest are optional and say what they would add.
 */
import type { SetupCheck, SetupCheckId } from '../../../contract/setup.js';
import type { BackendConfig } from '../config.js';
import type { Settings } from '../guardrails/settings-schema.js';
import { row, TRY_AGAIN, whyUnread, type Read } from './rows.js';

const ADD = (name: string, value: string) =>
  `Open the Secrets Manager (in your site's dashboard: Developer Tools → Secrets Manager) and click "Add Secret". Name: ${name} (exactly so, in capitals). Value: ${value}. (Install guide, step 3.)`;

export function secretRows(names: Read<string[]>, settings: Settings, config: BackendConfig): SetupCheck[] {
  const n = config.secretNames;
  const specs: Array<{ id: SetupCheckId; name: string; needed: boolean; present: string; absent: string; value: string }> = [
    {
      id: 'secret-api-key',
      name: n.apiKey,
      needed: true,
      present: 'Set.',
      absent: "Missing: the chat can't reach SiteGPT, so members see \"This chat is not set up correctly\".",
      value: "your SiteGPT account API key: the legacy (v0) key on SiteGPT's Billing or Profile → API Access page, not a v2 sgpt_ token",
    },
    {
      id: 'secret-chatbot-id',
      name: n.chatbotId,
      needed: true,
      present: 'Set.',
      absent: "Missing: the chat doesn't know which SiteGPT chatbot to use, so members see \"This chat is not set up correctly\".",
      value: "your chatbot's ID, e.g. 361628903185318481, the same value as the chat element's chatbot-id",
    },
    {
      id: 'secret-thread-secret',
      name: n.threadSecret,
      needed: false,
      present: "Set: members' conversation IDs don't depend on the API key.",
      absent: "Not set. It's optional: conversation IDs are derived from the API key instead, and members keep their stored conversations either way.",
      value: 'a long random text, e.g. 64 letters and digits; add it before members start chatting and never change it',
    },
    {
      id: 'secret-v2-token',
      name: n.v2Token,
      needed: false,
      present: "Set: budget alerts also watch your SiteGPT account's message quota.",
      absent: "Not set. It's optional: budget alerts count the chat's own messages, but can't see your SiteGPT account's quota.",
      value: "a SiteGPT v2 token (sgpt_…) with the scopes conversations:*",
    },
    {
      id: 'secret-openai-key',
      name: n.openaiApiKey,
      needed: settings.provider === 'openai',
      present: settings.provider === 'openai' ? 'Set.' : 'Set. It is used only when the settings choose the OpenAI-compatible provider.',
      absent:
        settings.provider === 'openai'
          ? 'Missing, but the settings choose the OpenAI-compatible provider (provider: openai): every question fails.'
          : 'Not needed: SiteGPT answers the questions (the settings\' provider is sitegpt).',
      value: "the key of your OpenAI-compatible endpoint (for OpenAI: platform.openai.com → API keys)",
    },
  ];
  return specs.map(({ id, name, needed, present, absent, value }) => {
    const title = `Secret ${name}`;
    if (!names.ok) return row(id, 'unchecked', title, `Could not read the list of secrets: ${whyUnread(names.failure, 'Wix')}`, TRY_AGAIN);
    if (names.value.includes(name)) return row(id, 'pass', title, present);
    return row(id, needed ? 'fail' : 'pass', title, absent, ADD(name, value));
  });
}
