/**
 * What page code asks getMemberChat (the newest page when the pane shows, the page's path), what
 * getMemberChat and startNewConversation answer, read by hand (see web-method-answers.ts
 * for why not with zod), and the two values page code derives from it for the element: the
 * operator's service (`service`) and the typed context (`widget-context`). Every value set here
 * is one the element's own checks accept, so a surprising answer never becomes the "not set up
 * correctly" view.
 */
import type { Service } from '../../contract/index.js';
import type { GetMemberChatArgs, MemberChatDeps } from './controller-deps.js';
import { isRecord, isText } from './web-method-answers.js';

export type { Service };

export interface Chat {
  ok: true;
  memberId: string;
  threadId: string;
  email?: string;
  emailSignature?: string;
  /** Native mode's newest page, passed on unread (native-mode.ts checks it). */
  history?: unknown;
  /** The operator's service mode; absent means `on`. */
  service?: Service;
  /** The typed context for the script widget's `set context`, built on the server. */
  context?: [string, string];
}

const MODES = new Set<unknown>(['on', 'fallback', 'off']);
/** The contract's bounds (contract/member-chat.ts), repeated because importing them would bundle zod. */
const SERVICE_LIMITS = { contactUrl: 500, message: 2000, context: 300 };
/** The element's bounds on `widget-context`: the JSON value, and each part. */
const WIDGET_CONTEXT_LIMITS = { value: 1100, part: 500 };

const textUpTo = (max: number) => (value: unknown): value is string => typeof value === 'string' && value.length <= max;

/** `{ok: true, memberId, threadId, email?, emailSignature?, history?, service?, context?}`; undefined when malformed. */
export function readChat(r: Record<string, unknown>): Chat | undefined {
  if (!isText(r.memberId) || !isText(r.threadId)) return undefined;
  const chat: Chat = { ok: true, memberId: r.memberId, threadId: r.threadId };
  if (isText(r.email)) chat.email = r.email;
  if (isText(r.emailSignature)) chat.emailSignature = r.emailSignature;
  if (r.history !== undefined) chat.history = r.history;
  const service = readService(r.service);
  if (service) chat.service = service;
  const context = r.context;
  if (Array.isArray(context) && context.length === 2 && context.every(textUpTo(SERVICE_LIMITS.context))) {
    chat.context = [context[0] as string, context[1] as string];
  }
  return chat;
}

/** The service with only the fields the contract names, or undefined (read as `on`). */
export function readService(value: unknown): Service | undefined {
  if (!isRecord(value) || !MODES.has(value.mode) || !textUpTo(SERVICE_LIMITS.contactUrl)(value.contactUrl)) return undefined;
  const service: Service = { mode: value.mode as Service['mode'], contactUrl: value.contactUrl };
  if (textUpTo(SERVICE_LIMITS.message)(value.message)) service.message = value.message;
  return service;
}

/** The `widget-context` value for a context, or undefined when it would not fit the element's bounds. */
export function widgetContextValue(context: [string, string] | undefined): string | undefined {
  if (!context) return undefined;
  const value = JSON.stringify(context);
  return value.length <= WIDGET_CONTEXT_LIMITS.value && context.every((part) => part.length <= WIDGET_CONTEXT_LIMITS.part) ? value : undefined;
}

/**
 * The page path page code passes to getMemberChat: a site path of at most 200 characters with
 * no spaces or control characters (the contract's bound; the server checks it again), or
 * nothing, so an odd path never makes the whole call fail.
 */
export function readPath(value: unknown): string | undefined {
  return typeof value === 'string' && value.length <= 200 && /^\/[^\s\u0000-\u001f\u007f]*$/.test(value) ? value : undefined;
}

/** Calls getMemberChat with the newest page when the pane shows, and the page's path when page code knows it. */
export function askForChat(deps: Pick<MemberChatDeps, 'getMemberChat' | 'pagePath'>, pane: boolean): Promise<unknown> {
  const history = pane ? { history: true as const } : undefined;
  if (!deps.pagePath) return history ? deps.getMemberChat(history) : deps.getMemberChat();
  const pagePath = deps.pagePath;
  return Promise.resolve()
    .then(() => pagePath())
    .then(readPath, () => undefined)
    .then((path) => {
      const args: GetMemberChatArgs = { ...history, ...(path ? { path } : {}) };
      return Object.keys(args).length > 0 ? deps.getMemberChat(args) : deps.getMemberChat();
    });
}
