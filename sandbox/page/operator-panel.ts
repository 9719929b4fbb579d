/**
 * The panel's operator settings: what a site owner changes in the CMS item `SiteGptSettings`
 * without publishing, over `/_sandbox/settings` (routes/settings-route.ts). The kill switch (on,
 * fallback, off) is three buttons; the contact path, the closed message, the static replies, the
 * limits, the breaker and the budget are a form. The backend re-reads the item after its cache
 * (2 s in the sandbox, 30 s on a site), and open pages then hear the service notice.
 */
import { handoffFields } from './handoff-settings.js';
import { buttonGroup, create, loadSettings, saveSettings, settingsForm, statusLine, type SettingsField, type SettingsView } from './settings-form.js';

type Log = (name: string, detail: unknown) => void;

const MODES = [
  { mode: 'on', label: 'On', title: 'Answers from SiteGPT' },
  { mode: 'fallback', label: 'Fallback', title: 'Every answer is a static reply; widget-mode pages show the pane' },
  { mode: 'off', label: 'Off', title: 'The chat is closed, with the contact path' },
] as const;

/** The form's fields: key, label, and whether it is a number, a line or a few lines of text. */
const FIELDS: readonly SettingsField[] = [
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

export function connectOperatorPanel(panel: HTMLElement, log: Log): void {
  const title = create('h3', { id: 'operator-title', textContent: 'Operator settings (SiteGptSettings)' });
  const hint = create('p', { className: 'hint' });
  const buttons = MODES.map(({ mode, label, title: tip }) => {
    const button = create('button', { type: 'button', textContent: label, title: tip });
    button.dataset.serviceMode = mode;
    button.addEventListener('click', () => void save({ mode }));
    return button;
  });
  const modes = buttonGroup('Service mode', buttons);

  const fields = settingsForm(FIELDS, { rows: 2, format: (key, value) => (key === 'staticReplies' ? JSON.stringify(value) : value) });
  const { form } = fields;
  form.dataset.operatorForm = '';
  const handoff = handoffFields();
  form.append(handoff.element);
  form.append(create('button', { type: 'submit', textContent: 'Save settings' }));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void save({ ...fields.read(), ...handoff.read() });
  });
  const details = create('details');
  details.append(create('summary', { textContent: 'Contact, replies, limits, breaker, budget, handoff' }), form);
  const status = statusLine();
  panel.append(title, hint, modes, details, status);
  panel.hidden = false;

  function show(view: SettingsView): void {
    const { settings } = view;
    hint.textContent = `What the site owner edits in the CMS, without publishing. The backend re-reads it every ${view.cacheMs / 1000} s here (30 s on a site); open pages follow.`;
    for (const button of buttons) button.setAttribute('aria-pressed', String(button.dataset.serviceMode === settings.mode));
    fields.fill(settings);
    handoff.show(settings);
  }

  async function save(changes: Record<string, unknown>): Promise<void> {
    const reply = await saveSettings(changes, status);
    if (!reply) return;
    status.textContent = 'mode' in changes ? `Service mode: ${String(changes.mode)}. Pages follow within about ${reply.cacheMs / 1000} s.` : 'Saved.';
    log('settings saved', 'mode' in changes ? { mode: changes.mode } : { fields: Object.keys(changes).length });
    show(reply);
  }

  loadSettings(show);
}
