/**
 * The operator's side of the sandbox, what a site owner does in the CMS dashboard:
 *   GET  /_sandbox/settings   the stored `SiteGptSettings` item, the settings the backend makes of
 *                             it, and how long the backend keeps them (the sandbox's cache)
 *   POST /_sandbox/settings   some fields to change (strict: only the fields below, each checked
 *                             with the schema's own rule), or `{"reset": true}`
 * A change of `mode` reaches open pages as on a site: the backend reads the new item once its
 * cache runs out and then the pages hear the site-wide service notice. The sandbox sends that
 * notice itself just after the cache runs out (a site could do the same from a data hook), so
 * nobody has to make a call first.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { readSettings, SETTINGS_FIELDS, type SettingKey } from '../../velo/backend/guardrails/settings-schema.js';
import { json, parseJson, readBody } from '../http-io.js';
import type { RealtimeHub } from '../realtime-hub.js';
import type { FileSettingsStore } from '../settings-store.js';

/** What the operator panel edits: the service mode and its words, the limits, the breaker, the budget, the handoff. */
export const OPERATOR_FIELDS = [
  'mode',
  'contactUrl',
  'closedMessage',
  'defaultReply',
  'staticReplies',
  'limitPerMinute',
  'limitPerDay',
  'siteLimitPerMinute',
  'breakerFailures',
  'breakerWindowSeconds',
  'breakerOpenSeconds',
  'monthlyMessageBudget',
  // The handoff: when a person is offered, where a handoff goes, the site's refusal phrases.
  'handoffAfter',
  'handoffTargets',
  'refusalPhrases',
  // The completion provider (provider-panel.ts): which one answers, and the OpenAI-compatible one's settings.
  'provider',
  'openaiBaseUrl',
  'openaiModel',
  'openaiTemperature',
  'openaiMaxTokens',
  'systemPrompt',
  'historyTurns',
  'monthlyTokenBudget',
] as const satisfies readonly SettingKey[];

const field = (key: SettingKey) => (SETTINGS_FIELDS[key] as unknown as { unwrap(): z.ZodType }).unwrap().optional();
const Changes = z.strictObject(Object.fromEntries(OPERATOR_FIELDS.map((key) => [key, field(key)])));
const Reset = z.strictObject({ reset: z.literal(true) });

export interface SettingsRouteDeps {
  store: FileSettingsStore;
  realtime: RealtimeHub;
  /** How long the backend keeps the settings it read (its settings cache in the sandbox). */
  cacheMs: number;
}

export function settingsRoute({ store, realtime, cacheMs }: SettingsRouteDeps) {
  let notice: ReturnType<typeof setTimeout> | undefined;
  const view = () => {
    const { settings, problems } = readSettings(store.item);
    return { item: store.item, settings, problems, cacheMs };
  };

  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
    if (url.pathname !== '/_sandbox/settings') return false;
    if (req.method === 'GET') {
      json(res, 200, view());
      return true;
    }
    if (req.method !== 'POST') {
      json(res, 405, { error: 'read with GET, change with POST' }, { allow: 'GET, POST' });
      return true;
    }
    const body = await readBody(req, res, 64 * 1024);
    if (body === 'too-large') return refuse(res, 413, 'settings are at most 64 KiB');
    const parsed = parseJson(body);
    if (!parsed.ok) return refuse(res, 400, 'the body is not JSON');
    const before = readSettings(store.item).settings.mode;
    if (Reset.safeParse(parsed.value).success) store.reset();
    else {
      const changes = Changes.safeParse(parsed.value);
      if (!changes.success) {
        return refuse(res, 400, changes.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
      }
      // Stored as sent (the static replies stay JSON text, as in a CMS text field), once every field passed.
      const input = parsed.value as Record<string, unknown>;
      store.update(Object.fromEntries(Object.keys(changes.data).map((key) => [key, input[key]])));
    }
    const after = readSettings(store.item).settings.mode;
    if (after !== before) {
      clearTimeout(notice);
      notice = setTimeout(() => void realtime.publishService({ v: 1, kind: 'service', rev: Date.now() }), cacheMs + 250);
      notice.unref();
    }
    json(res, 200, view());
    return true;
  };
}

function refuse(res: ServerResponse, status: number, error: string): true {
  json(res, status, { error });
  return true;
}
