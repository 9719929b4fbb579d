/**
 * The panel's operator settings: what a site owner changes in the CMS item `SiteGptSettings`
 * without publishing, over `/_sandbox/settings` (routes/settings-route.ts). The kill switch (on,
 * fallback, off) is three buttons; the contact path, the closed message, the static replies, the
 * limits, the breaker and the budget are a form. The backend re-reads the item after its cache
 * (2 s in the sandbox, 30 s on a site), and open pages then hear the service notice.
 */
import { handoffFields } from './handoff-settings.js';

interface SettingsView {
  item: Record<string, unknown> | null;
  settings: Record<string, unknown>;
  cacheMs: number;
}

type Log = (name: string, detail: unknown) => void;

const MODES = [
  { mode: 'on', label: 'On', title: 'Answers from SiteGPT' },
  { mode: 'fallback', label: 'Fallback', title: 'Every answer is a static reply; widget-mode pages show the pane' },
  { mode: 'off', label: 'Off', title: 'The chat is closed, with the contact path' },
] as const;

/** The form's fields: key, label, and whether it is a number, a line or a few lines of text. */
const FIELDS: ReadonlyArray<{ key: string; label: string; kind: 'number' | 'line' | 'text' }> = [
  { key: 'contactUrl', label: 'Contact path', kind: 'line' },
  { key: 'closedMessage', label: 'Closed message ({contact})', kind: 'text' },
  { key: 'defaultReply', label: 'Default static reply ({contact})', kind: 'text' },
  { key: 'staticReplies', label: 'Static replies (JSON: [{"keywords": […], "reply": "…"}])', kind: 'text' },
  { key: 'limitPerMinute', label: 'Per member / minute', kind: 'number' },
  { key: 'limitPerDay', label: 'Per member / day', kind: 'number' },
  { key: 'siteLimitPerMinute', label: 'Site / minute', kind: 'number' },
  { key: 'monthlyMessageBudget', label: 'Monthly budget (0: none)', kind: 'number' },
  { key: 'breakerFailures', label: 'Breaker: failures', kind: 'number' },
  { key: 'breakerWindowSeconds', label: 'Breaker: window (s)', kind: 'number' },
  { key: 'breakerOpenSeconds', label: 'Breaker: open (s)', kind: 'number' },
];

function create<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}): HTMLElementTagNameMap[K] {
  return Object.assign(document.createElement(tag), props);
}

export function connectOperatorPanel(panel: HTMLElement, log: Log): void {
  const title = create('h3', { id: 'operator-title', textContent: 'Operator settings (SiteGptSettings)' });
  const hint = create('p', { className: 'hint' });
  const buttons = MODES.map(({ mode, label, title: tip }) => {
    const button = create('button', { type: 'button', textContent: label, title: tip });
    button.dataset.serviceMode = mode;
    button.addEventListener('click', () => void save({ mode }));
    return button;
  });
  const modes = create('div', { className: 'mode-buttons' });
  modes.setAttribute('role', 'group');
  modes.setAttribute('aria-label', 'Service mode');
  modes.append(...buttons);

  const form = create('form');
  form.dataset.operatorForm = '';
  const inputs = new Map<string, HTMLInputElement | HTMLTextAreaElement>();
  for (const { key, label, kind } of FIELDS) {
    const input = kind === 'text' ? create('textarea', { rows: 2 }) : create('input', { type: kind === 'number' ? 'number' : 'text' });
    input.name = key;
    inputs.set(key, input);
    const wrap = create('label', { className: kind === 'number' ? '' : 'wide' });
    wrap.append(label, input);
    form.append(wrap);
  }
  const handoff = handoffFields();
  form.append(handoff.element);
  form.append(create('button', { type: 'submit', textContent: 'Save settings' }));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const fields: Record<string, unknown> = {};
    for (const [key, input] of inputs) fields[key] = input.type === 'number' ? Number(input.value) : input.value;
    Object.assign(fields, handoff.read());
    void save(fields);
  });
  const details = create('details');
  details.append(create('summary', { textContent: 'Contact, replies, limits, breaker, budget, handoff' }), form);
  const status = create('p', { className: 'pending' });
  status.setAttribute('aria-live', 'polite');
  panel.append(title, hint, modes, details, status);
  panel.hidden = false;

  function show(view: SettingsView): void {
    const { settings } = view;
    hint.textContent = `What the site owner edits in the CMS, without publishing. The backend re-reads it every ${view.cacheMs / 1000} s here (30 s on a site); open pages follow.`;
    for (const button of buttons) button.setAttribute('aria-pressed', String(button.dataset.serviceMode === settings.mode));
    for (const [key, input] of inputs) {
      const value = key === 'staticReplies' ? JSON.stringify(settings[key]) : settings[key];
      if (document.activeElement !== input) input.value = String(value ?? '');
    }
    handoff.show(settings);
  }

  async function save(fields: Record<string, unknown>): Promise<void> {
    const response = await fetch('/_sandbox/settings', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fields) });
    const reply = (await response.json()) as SettingsView | { error: string };
    status.classList.toggle('failed', 'error' in reply);
    if ('error' in reply) {
      status.textContent = reply.error;
      return;
    }
    status.textContent = 'mode' in fields ? `Service mode: ${String(fields.mode)}. Pages follow within about ${reply.cacheMs / 1000} s.` : 'Saved.';
    log('settings saved', 'mode' in fields ? { mode: fields.mode } : { fields: Object.keys(fields).length });
    show(reply);
  }

  void fetch('/_sandbox/settings')
    .then((response) => response.json() as Promise<SettingsView>)
    .then(show, () => undefined);
}
