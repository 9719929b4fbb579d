/**
 * What the panel's two settings sections (operator-panel.ts, provider-panel.ts) share: the
 * element helper, a form of typed fields over `SiteGptSettings`, a labelled button group, and
 * the `/_sandbox/settings` round trip with its status line.
 */
export interface SettingsView {
  item?: Record<string, unknown> | null;
  settings: Record<string, unknown>;
  cacheMs: number;
}

export interface SettingsField {
  key: string;
  label: string;
  /** A number, a line or a few lines of text. */
  kind: 'number' | 'line' | 'text';
}

export function create<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}): HTMLElementTagNameMap[K] {
  return Object.assign(document.createElement(tag), props);
}

export function buttonGroup(label: string, buttons: HTMLButtonElement[]): HTMLDivElement {
  const group = create('div', { className: 'mode-buttons' });
  group.setAttribute('role', 'group');
  group.setAttribute('aria-label', label);
  group.append(...buttons);
  return group;
}

export interface SettingsForm {
  form: HTMLFormElement;
  /** The fields' values, numbers as numbers. */
  read(): Record<string, unknown>;
  /** Shows the settings in the fields, except the one being edited. */
  fill(settings: Record<string, unknown>): void;
}

export function settingsForm(fields: readonly SettingsField[], options: { rows: number; step?: string; format?: (key: string, value: unknown) => unknown }): SettingsForm {
  const form = create('form');
  const inputs = new Map<string, HTMLInputElement | HTMLTextAreaElement>();
  for (const { key, label, kind } of fields) {
    const input = kind === 'text' ? create('textarea', { rows: options.rows }) : create('input', { type: kind === 'number' ? 'number' : 'text' });
    if (kind === 'number' && options.step) input.setAttribute('step', options.step);
    input.name = key;
    inputs.set(key, input);
    const wrap = create('label', { className: kind === 'number' ? '' : 'wide' });
    wrap.append(label, input);
    form.append(wrap);
  }
  return {
    form,
    read() {
      const values: Record<string, unknown> = {};
      for (const [key, input] of inputs) values[key] = input.type === 'number' ? Number(input.value) : input.value;
      return values;
    },
    fill(settings) {
      for (const [key, input] of inputs) {
        const value = options.format ? options.format(key, settings[key]) : settings[key];
        if (document.activeElement !== input) input.value = String(value ?? '');
      }
    },
  };
}

/** A polite status line for what a save did. */
export function statusLine(): HTMLParagraphElement {
  const status = create('p', { className: 'pending' });
  status.setAttribute('aria-live', 'polite');
  return status;
}

/** Saves fields; the status line says the error, or the reply comes back for the caller to show. */
export async function saveSettings(fields: Record<string, unknown>, status: HTMLElement): Promise<SettingsView | undefined> {
  const response = await fetch('/_sandbox/settings', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fields) });
  const reply = (await response.json()) as SettingsView | { error: string };
  status.classList.toggle('failed', 'error' in reply);
  if ('error' in reply) {
    status.textContent = reply.error;
    return undefined;
  }
  return reply;
}

export function loadSettings(show: (view: SettingsView) => void): void {
  void fetch('/_sandbox/settings')
    .then((response) => response.json() as Promise<SettingsView>)
    .then(show, () => undefined);
}
