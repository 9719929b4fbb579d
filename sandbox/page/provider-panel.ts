/**
 * The panel's provider switch: which completion provider answers (the `provider` field of the
 * operator's `SiteGptSettings`), and the OpenAI-compatible provider's settings, changed over
 * `/_sandbox/settings` like the other operator settings. Switching to the OpenAI-compatible
 * provider also points `openaiBaseUrl` at the endpoint the sandbox offers: its in-process
 * chat-completions stand-in, or with OPENAI_API_KEY set the real one (OPENAI_BASE_URL, else
 * OpenAI's). The backend re-reads the settings after its cache (2 s here).
 */
import { buttonGroup, create, loadSettings, saveSettings, settingsForm, statusLine, type SettingsField, type SettingsView } from './settings-form.js';

interface ProviderConfig {
  /** The endpoint the switch points at; null when the sandbox offers none. */
  openai: { baseUrl: string; real: boolean } | null;
}

type Log = (name: string, detail: unknown) => void;

const PROVIDERS = [
  { provider: 'sitegpt', label: 'SiteGPT', title: 'SiteGPT keeps the thread and the prompt' },
  { provider: 'openai', label: 'OpenAI-compatible', title: 'The system prompt, the typed context and the last turns from the mirror go with each question' },
] as const;

const FIELDS: readonly SettingsField[] = [
  { key: 'openaiBaseUrl', label: 'Base URL (https)', kind: 'line' },
  { key: 'openaiModel', label: 'Model', kind: 'line' },
  { key: 'openaiTemperature', label: 'Temperature', kind: 'number' },
  { key: 'openaiMaxTokens', label: 'Max tokens', kind: 'number' },
  { key: 'historyTurns', label: 'Turns of history', kind: 'number' },
  { key: 'monthlyTokenBudget', label: 'Monthly tokens (0: none)', kind: 'number' },
  { key: 'systemPrompt', label: 'System prompt', kind: 'text' },
];

/** Adds the provider switch after `anchor` (the operator panel). */
export function connectProviderPanel(anchor: HTMLElement, config: ProviderConfig, log: Log): void {
  const panel = create('section', { className: 'faults operator provider' });
  panel.dataset.providerPanel = '';
  panel.setAttribute('aria-labelledby', 'provider-title');
  const title = create('h3', { id: 'provider-title', textContent: 'Completion provider' });
  const where = config.openai?.real ? `the real endpoint (OPENAI_API_KEY is set)` : 'the in-process chat-completions stand-in (set OPENAI_API_KEY for a real endpoint)';
  const hint = create('p', { className: 'hint', textContent: `OpenAI-compatible here means ${where}.` });
  const buttons = PROVIDERS.map(({ provider, label, title: tip }) => {
    const button = create('button', { type: 'button', textContent: label, title: tip });
    button.dataset.provider = provider;
    button.disabled = provider === 'openai' && config.openai === null;
    button.addEventListener('click', () => void save(provider === 'openai' && config.openai ? { provider, openaiBaseUrl: config.openai.baseUrl } : { provider }));
    return button;
  });
  const group = buttonGroup('Completion provider', buttons);

  const fields = settingsForm(FIELDS, { rows: 3, step: 'any' });
  const { form } = fields;
  form.dataset.providerForm = '';
  form.append(create('button', { type: 'submit', textContent: 'Save provider settings' }));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void save(fields.read());
  });
  const details = create('details');
  details.append(create('summary', { textContent: 'OpenAI-compatible: endpoint, model, prompt, history, token budget' }), form);
  const status = statusLine();
  panel.append(title, hint, group, details, status);
  anchor.after(panel);

  function show({ settings }: SettingsView): void {
    for (const button of buttons) button.setAttribute('aria-pressed', String(button.dataset.provider === settings.provider));
    fields.fill(settings);
  }

  async function save(changes: Record<string, unknown>): Promise<void> {
    const reply = await saveSettings(changes, status);
    if (!reply) return;
    status.textContent = 'provider' in changes ? `Provider: ${String(changes.provider)}. The backend follows within about ${reply.cacheMs / 1000} s.` : 'Saved.';
    log('settings saved', 'provider' in changes ? { provider: changes.provider } : { fields: Object.keys(changes).length });
    show(reply);
  }

  loadSettings(show);
}
