/** Names of the widget's own tracking events (SiteGPT docs, "Tracking events"). */
export const WIDGET_EVENT_NAMES = [
  'conversation_started',
  'message_sent',
  'lead_submitted',
  'human_handover',
  'chat_opened',
  'chat_closed',
] as const;

export type WidgetEventName = (typeof WIDGET_EVENT_NAMES)[number];

/** One event the widget reported, after validation. */
export interface WidgetEvent {
  name: WidgetEventName;
  threadId?: string;
}

/**
 * Every event the element fires. All bubble and are composed, with plain-JSON details,
 * because Wix page code receives them through `$w('#id').on(name, handler)`.
 */
export interface SitegptMemberChatEventMap {
  'sitegpt-login-request': CustomEvent<Record<string, never>>;
  'sitegpt-retry': CustomEvent<{ code: string }>;
  'sitegpt-new-conversation': CustomEvent<{ threadId: string }>;
  'sitegpt-ready': CustomEvent<{ threadId: string }>;
  'sitegpt-error': CustomEvent<{ code: string; message: string; attribute?: string }>;
  'sitegpt-widget-event': CustomEvent<WidgetEvent>;
  'sitegpt-thread-mismatch': CustomEvent<{ expected: string; actual: string }>;
  /** Native mode (architecture.md §8.6). */
  'sitegpt-send': CustomEvent<{ clientMessageId: string; text: string }>;
  'sitegpt-load-older': CustomEvent<{ before: string }>;
  'sitegpt-react': CustomEvent<{ messageId: string; reaction: 'POSITIVE' | 'NEGATIVE' | 'NEUTRAL' }>;
  'sitegpt-visibility': CustomEvent<{ visible: boolean }>;
  /** The member asked for a person from the site's team (architecture.md §10). */
  'sitegpt-request-human': CustomEvent<Record<string, never>>;
  /** The member confirmed *Delete my chat*; page code calls forgetMyChat, then shows the member's new, empty chat. */
  'sitegpt-delete-chat': CustomEvent<Record<string, never>>;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends SitegptMemberChatEventMap {}
}

export function emit<K extends keyof SitegptMemberChatEventMap>(
  target: EventTarget,
  name: K,
  detail: SitegptMemberChatEventMap[K]['detail']
): void {
  target.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true, detail }));
}
