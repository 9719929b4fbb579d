/**
 * The panel's log: one line per element event, web-method call, sign-in action, fault, agent
 * reply and realtime change, newest first, also kept on `window.sandbox.log` for the end-to-end tests and
 * the benches. A call's line says what came back in brief (a thread, how many turns), never a
 * whole page of messages.
 */
import type { WebMethodCall } from './web-methods.js';

export interface LogEntry {
  at: number;
  kind: 'event' | 'call' | 'auth' | 'fault' | 'live' | 'agent' | 'operator';
  name: string;
  detail: unknown;
  ms?: number;
  backendMs?: number | null;
  failed?: boolean;
}

export function createPanelLog(list: HTMLOListElement, entries: LogEntry[]) {
  return function log(entry: Omit<LogEntry, 'at'>): void {
    const full = { at: performance.now(), ...entry };
    entries.push(full);
    const item = document.createElement('li');
    item.className = `kind-${entry.kind}${entry.failed ? ' failed' : ''}`;
    const time = document.createElement('span');
    time.className = 't';
    time.textContent = new Date().toLocaleTimeString([], { hour12: false });
    const name = document.createElement('span');
    name.className = 'name';
    name.textContent = entry.name;
    const detail = document.createElement('span');
    detail.className = 'detail';
    const latency = entry.ms === undefined ? '' : ` ${entry.ms} ms` + (entry.backendMs == null ? '' : ` (backend ${entry.backendMs} ms)`);
    detail.textContent = `${latency} ${entry.detail === undefined ? '' : JSON.stringify(entry.detail)}`;
    item.append(time, name, detail);
    list.prepend(item);
  };
}

/** What a call's line shows of its result. */
export function callSummary(call: WebMethodCall): unknown {
  const r = call.result as Record<string, unknown>;
  if (!r.ok) return r.error;
  const count = (turns: unknown) => (Array.isArray(turns) ? turns.length : 0);
  switch (call.name) {
    case 'getMemberChat':
    case 'startNewConversation': {
      const history = r.history as { turns?: unknown } | undefined;
      // The operator's service mode, when it is not `on` (the answer then has none).
      const service = (r.service as { mode?: unknown } | undefined)?.mode;
      return { threadId: r.threadId, ...(history ? { history: `${count(history.turns)} turns` } : {}), ...(service ? { service } : {}) };
    }
    case 'sendChatMessage':
    case 'rateAnswer': {
      const turn = r.turn as Record<string, unknown>;
      const state = r.handoff ? { handoff: r.handoff } : {};
      return { turn: turn?.id, kind: turn?.kind, status: turn?.status, sources: count(turn?.sources), reaction: turn?.reaction, ...state };
    }
    case 'getChatMessages':
      return { turns: count(r.turns), older: r.older, cursor: r.cursor, ...(r.handoff ? { handoff: r.handoff } : {}) };
    case 'requestHuman':
      return { handoff: r.handoff, turn: (r.turn as { id?: unknown } | undefined)?.id ?? null };
    default:
      return { ok: true };
  }
}

/** An element event's detail for the log: long texts shortened. */
export function eventSummary(detail: unknown): unknown {
  if (typeof detail !== 'object' || detail === null) return detail;
  const text = (detail as { text?: unknown }).text;
  if (typeof text !== 'string' || text.length <= 80) return detail;
  return { ...detail, text: `${text.slice(0, 80)}… (${text.length} characters)` };
}
