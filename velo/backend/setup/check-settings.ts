/**
 * The operator's settings item: each field read with the guardrails' own rules
 * (settings-schema.ts), each unusable one named with why (never its value), and field keys the
 * chat does not know (a misspelt key is silently ignored by the chat) named too. The settings
 * also tell the other checks which provider answers.
 */
import type { SetupCheck } from '../../../contract/setup.js';
import type { BackendConfig } from '../config.js';
import { DEFAULT_SETTINGS, readSettings, SETTINGS_FIELDS, type Settings } from '../guardrails/settings-schema.js';
import { list, row, TRY_AGAIN, whyUnread, type Read } from './rows.js';

const KNOWN = Object.keys(SETTINGS_FIELDS);
/** Wix's own fields on every item, and the Title field every new collection starts with. */
const WIX_FIELDS = new Set(['title']);

export function settingsRow(item: Read<Record<string, unknown> | null>, config: BackendConfig): { check: SetupCheck; settings: Settings } {
  const title = `Settings item (${config.guardrails.settingsCollection})`;
  if (!item.ok) {
    if (item.failure.code === 'MISCONFIGURED') {
      return { check: row('settings-item', 'pass', title, 'No settings collection: the chat uses its default settings.'), settings: DEFAULT_SETTINGS };
    }
    const check = row('settings-item', 'unchecked', title, `Could not read the settings: ${whyUnread(item.failure, 'Wix')} The other checks assume the default settings.`, TRY_AGAIN);
    return { check, settings: DEFAULT_SETTINGS };
  }
  if (item.value === null) {
    return { check: row('settings-item', 'pass', title, 'The collection has no item: the chat uses its default settings.'), settings: DEFAULT_SETTINGS };
  }

  const { settings, problems } = readSettings(item.value);
  const unknown = Object.keys(item.value).filter((key) => !key.startsWith('_') && !WIX_FIELDS.has(key) && !KNOWN.includes(key));
  const state = `Mode: ${settings.mode}; answers from ${settings.provider === 'openai' ? 'the OpenAI-compatible provider' : 'SiteGPT'}.`;
  if (problems.length === 0 && unknown.length === 0) {
    return { check: row('settings-item', 'pass', title, `Read: every field is usable. ${state}`), settings };
  }
  const found: string[] = [];
  const fixes: string[] = [];
  if (problems.length > 0) {
    found.push(`${problems.length === 1 ? 'A field is' : `${problems.length} fields are`} not usable, so the default holds instead: ${list(problems.map((p) => `${p.field} (${p.message})`))}.`);
    fixes.push(`In the CMS, open ${config.guardrails.settingsCollection} and correct ${problems.length === 1 ? 'that field' : 'those fields'}; the install guide lists each field's values. Changes apply within 30 seconds, without publishing.`);
  }
  if (unknown.length > 0) {
    const hints = unknown.map((key) => {
      const near = KNOWN.find((known) => known.toLowerCase() === key.toLowerCase());
      return near ? `${key} (did you mean ${near}?)` : key;
    });
    found.push(`Fields the chat doesn't know, so it ignores them: ${list(hints)}.`);
    fixes.push('Field keys must match the install guide exactly, including capitals: rename each to the key you meant, or delete it.');
  }
  return { check: row('settings-item', 'warn', title, `${found.join(' ')} ${state}`, fixes.join(' ')), settings };
}
