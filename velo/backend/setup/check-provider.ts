/**
 * Can the provider the settings choose answer? SiteGPT's access is its own row, so for SiteGPT
 * this row points there. For the OpenAI-compatible provider: one `GET {openaiBaseUrl}/models`
 * with OPENAI_API_KEY (no tokens spent), and whether the list holds the settings' model.
 */
import type { SetupCheck } from '../../../contract/setup.js';
import type { BackendConfig } from '../config.js';
import type { Settings } from '../guardrails/settings-schema.js';
import { usableApiKey } from '../providers/openai/api-key.js';
import type { Deadline } from '../runtime/deadline.js';
import type { SetupPorts } from './ports.js';
import { read, row, TRY_AGAIN, whyUnread } from './rows.js';

const MODELS_MS = 5_000;

export async function providerRow(
  ports: Pick<SetupPorts, 'secrets' | 'openaiModels'>,
  settings: Settings,
  /** SiteGPT's own row, awaited only when SiteGPT is the provider. */
  sitegptRow: Promise<SetupCheck>,
  config: BackendConfig,
  deadline: Deadline,
): Promise<SetupCheck> {
  if (settings.provider === 'sitegpt') {
    const title = 'Answers from: SiteGPT';
    const found = 'SiteGPT answers the questions (the settings\' provider). Its access is the row "SiteGPT key and chatbot".';
    const sitegpt = await sitegptRow;
    return sitegpt.status === 'pass' ? row('provider', 'pass', title, found) : row('provider', 'unchecked', title, `${found} See that row.`);
  }

  const host = hostOf(settings.openaiBaseUrl);
  const title = `Answers from: the OpenAI-compatible endpoint at ${host}`;
  const keyName = config.secretNames.openaiApiKey;
  const key = await read('secrets', config.timeouts.wixCallMs, deadline, () => ports.secrets.get(keyName));
  if (!key.ok) return row('provider', 'unchecked', title, `Not checked: the secret ${keyName} could not be read. ${whyUnread(key.failure, 'Wix')}`, TRY_AGAIN);
  // Trimmed as the chat trims it, so a pasted key with a trailing newline passes here as it works there.
  const apiKey = usableApiKey(key.value);
  if (!apiKey) return row('provider', 'unchecked', title, `Not checked: it needs the secret ${keyName} (see above).`, `Add the secret ${keyName}, then check again.`);

  const models = await read('openai', MODELS_MS, deadline, () =>
    ports.openaiModels.listModels({ baseUrl: settings.openaiBaseUrl, apiKey, timeoutMs: MODELS_MS }, deadline),
  );
  if (models.ok) {
    const model = settings.openaiModel;
    // A 2xx that is no model list (e.g. a web page at a wrong base URL) proves neither the key nor the address.
    if (models.value === null) {
      return row(
        'provider',
        'warn',
        title,
        'The endpoint answered, but not like an OpenAI-compatible endpoint: check openaiBaseUrl. (It sent no list of models, so neither the key nor the model could be checked.)',
        `Set openaiBaseUrl in ${config.guardrails.settingsCollection} to the API's base address, the one before /chat/completions (for OpenAI: https://api.openai.com/v1), then check again.`,
      );
    }
    if (models.value.includes(model)) return row('provider', 'pass', title, `The endpoint accepted the key and offers the model ${model}.`);
    return row(
      'provider',
      'warn',
      title,
      `The endpoint accepted the key, but its list of models doesn't hold ${model}, the settings' openaiModel: questions may fail.`,
      `Set openaiModel in ${config.guardrails.settingsCollection} to a model the endpoint offers (for OpenAI, e.g. gpt-4o-mini).`,
    );
  }
  const { failure } = models;
  if (failure.reason === 'openai-auth') {
    return row('provider', 'fail', title, `The endpoint refused the key in ${keyName}: every question fails.`, `Replace the value of the secret ${keyName} with a valid key for this endpoint.`);
  }
  if (failure.reason === 'openai-not-found') {
    return row(
      'provider',
      'unchecked',
      title,
      'Not checked: the endpoint has no model list (GET …/models answered "not found"), so the key could not be tried without spending tokens.',
      `Check that openaiBaseUrl in ${config.guardrails.settingsCollection} is right (for OpenAI: https://api.openai.com/v1), then ask the chat a question to try the key.`,
    );
  }
  return row('provider', 'unchecked', title, `Not checked: ${whyUnread(failure, 'The endpoint')}`, `${TRY_AGAIN} Also check openaiBaseUrl in ${config.guardrails.settingsCollection}.`);
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'an unreadable address';
  }
}
