/**
 * The attributes page code sets on the element, and what it must remember of them. A thread,
 * email, signature, error or notice belongs to the member whose `member-id` was set before it
 * (README: "A thread belongs to the member it was set for"), so a new member drops the last
 * one's thread. `service` and `widget-context` are not the member's own: each is set only once
 * an answer had one, so that it can be cleared again. A failure shows as the error view, whose
 * *Try again* repeats the call that failed, or as a `notice` over a chat that may stay.
 */
import type { ErrorCode } from '../../contract/index.js';
import type { Chat, Service } from './chat-answer.js';
import { widgetContextValue } from './chat-answer.js';
import type { MemberChatElement } from './controller-deps.js';

/** The backend calls that answer with the member's chat; a retry repeats the one that failed. */
export type ChatAction = 'get' | 'new';

/** The member-scoped attributes page code sets. */
const MEMBER_SCOPED = ['thread', 'email', 'email-signature', 'error', 'notice'] as const;

export interface ElementAttributes {
  /** The `member-id` last set: undefined before the first, "" for a visitor. */
  readonly member: string | undefined;
  /** The thread last set for `member`: a failed new conversation keeps it on screen. */
  readonly thread: string;
  set(name: string, value: string): void;
  /** The action whose failure the error view shows, so *Try again* repeats that one. */
  readonly retry: ChatAction;
  /**
   * A failed call: the error view, or with `keepChat` (a chat shows that the failure need not
   * take away) a `notice` over it. A session that ended always needs the sign-in view.
   */
  failed(action: ChatAction, code: ErrorCode, keepChat: boolean): void;
  /** The operator's service; absent (`on`) clears it. */
  service(service: Service | undefined): void;
  /**
   * The typed context for the widget's `set context`. Set before the thread, and only for the
   * widget it mounts with (a new thread, or the widget coming back), so a widget already
   * showing is never remounted.
   */
  context(chat: Chat): void;
  /** Nobody is signed in: `member-id` "" and nothing of the last member's, nor service or context. */
  signOut(): void;
}

// `switched`: another member ("" for none); what was on its way for the last one is dropped.
export function elementAttributes(
  element: MemberChatElement,
  switched: (member: string) => void,
  log?: (event: string, detail: unknown) => void,
): ElementAttributes {
  let serviceSet = false;
  let contextSet = false;
  const shown = {
    member: undefined as string | undefined,
    thread: '',
    retry: 'get' as ChatAction,
    set(name: string, value: string) {
      const newMember = name === 'member-id' && value !== shown.member;
      if (newMember) shown.thread = '';
      if (name === 'member-id') shown.member = value;
      if (name === 'thread') shown.thread = value;
      element.setAttribute(name, value);
      if (newMember) switched(value);
    },
    failed(action: ChatAction, code: ErrorCode, keepChat: boolean) {
      if (keepChat && code !== 'NOT_SIGNED_IN') return shown.set('notice', code);
      shown.retry = action;
      shown.set('error', code);
    },
    service(service: Service | undefined) {
      if (service || serviceSet) shown.set('service', service ? JSON.stringify(service) : '');
      serviceSet = Boolean(service);
    },
    context(chat?: Chat) {
      const context = widgetContextValue(chat?.context);
      if (chat?.context && !context) log?.('sitegpt-context', { what: 'context-too-long' });
      if (context || contextSet) shown.set('widget-context', context ?? '');
      contextSet = Boolean(context);
    },
    signOut() {
      shown.set('member-id', '');
      for (const name of MEMBER_SCOPED) shown.set(name, '');
      shown.service(undefined);
      shown.context();
    },
  };
  return shown;
}
