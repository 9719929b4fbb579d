/**
 * The panel's provider switch: which completion provider answers (the `provider` field of the
 * operator's `SiteGptSettings`), and the OpenAI-compatible provider's settings, changed over
 * `/_sandbox/settings` like the other operator settings. Switching to the OpenAI-compatible
 * provider also points `openaiBaseUrl` at the endpoint the sandbox offers: its in-process
 * chat-completions stand-in, or with OPENAI_API_KEY set the real one (OPENAI_BASE_URL, else
 * OpenAI's). The backend re-reads the settings after its cache (2 s here).
 */
interface ProviderConfig {
  /** The endpoint the switch points at; null when the sandbox offers none. */
  openai: { baseUrl: string; real: boolean } | null;
}

interface SettingsView {
  settings: Record<string, unknown>;
  cacheMs: number;
}

type Log = (name: string, detail: unknown) => void;

const PROVIDERS = [
  { provider: 'sitegpt', label: 'SiteGPT', title: 'SiteGPT keeps the thread and the prompt' },
  { provider: 'openai', label: 'OpenAI-compatible', title: 'The system prompt, the typed context and the last turns from the mirror go with each question' },
] as const;

const FIELDS: ReadonlyArray<{ key: string; label: string; kind: 'number' | 'line' | 'text' }> = [
  { key: 'openaiBaseUrl', label: 'Base URL (https)', kind: 'line' },
  { key: 'openaiModel', label: 'Model', kind: 'line' },
  { key: 'openaiTemperature', label: 'Temperature', kind: 'number' },
  { key: 'openaiMaxTokens', label: 'Max tokens', kind: 'number' },
  { key: 'historyTurns', label: 'Turns of history', kind: 'number' },
  { key: 'monthlyTokenBudget', label: 'Monthly tokens (0: none)', kind: 'number' },
  { key: 'systemPrompt', label: 'System prompt', kind: 'text' },
];

function create<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}): HTMLElementTagNameMap[K] {
  return Object.assign(document.createElement(tag), props);
}

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
  const group = create('div', { className: 'mode-buttons' });
  group.setAttribute('role', 'group');
  group.setAttribute('aria-label', 'Completion provider');
  group.append(...buttons);

  const form = create('form');
  form.dataset.providerForm = '';
  const inputs = new Map<string, HTMLInputElement | HTMLTextAreaElement>();
  for (const { key, label, kind } of FIELDS) {
    const input = kind === 'text' ? create('textarea', { rows: 3 }) : create('input', { type: kind === 'number' ? 'number' : 'text' });
    if (kind === 'number') input.setAttribute('step', 'any');
    input.name = key;
    inputs.set(key, input);
    const wrap = create('label', { className: kind === 'number' ? '' : 'wide' });
    wrap.append(label, input);
    form.append(wrap);
  }
  form.append(create('button', { type: 'submit', textContent: 'Save provider settings' }));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const fields: Record<string, unknown> = {};
    for (const [key, input] of inputs) fields[key] = input.type === 'number' ? Number(input.value) : input.value;
    void save(fields);
  });
  const details = create('details');
  details.append(create('summary', { textContent: 'OpenAI-compatible: endpoint, model, prompt, history, token budget' }), form);
  const status = create('p', { className: 'pending' });
  status.setAttribute('aria-live', 'polite');
  panel.append(title, hint, group, details, status);
  anchor.after(panel);

  function show({ settings }: SettingsView): void {
    for (const button of buttons) button.setAttribute('aria-pressed', String(button.dataset.provider === settings.provider));
    for (const [key, input] of inputs) if (document.activeElement !== input) input.value = String(settings[key] ?? '');
  }

  async function save(fields: Record<string, unknown>): Promise<void> {
    const response = await fetch('/_sandbox/settings', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fields) });
    const reply = (await response.json()) as SettingsView | { error: string };
    status.classList.toggle('failed', 'error' in reply);
    if ('error' in reply) {
      status.textContent = reply.error;
      return;
    }
    status.textContent = 'provider' in fields ? `Provider: ${String(fields.provider)}. The backend follows within about ${reply.cacheMs / 1000} s.` : 'Saved.';
    log('settings saved', 'provider' in fields ? { provider: fields.provider } : { fields: Object.keys(fields).length });
    show(reply);
  }

  void fetch('/_sandbox/settings')
    .then((response) => response.json() as Promise<SettingsView>)
    .then(show, () => undefined);
}
