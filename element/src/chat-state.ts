import type { ChatAttributes, ParsedAttributes } from './attributes.js';
import { MEMBER_SCOPED } from './member-scope.js';
import { readService } from './service.js';
import { buildWidgetRequest } from './widget/widget-request.js';
import type { WidgetRequest } from './widget/widget-mount.js';

export type ChatState = 'pending' | 'signed-out' | 'loading' | 'ready' | 'error' | 'closed';

/** Where the widget for the wanted mount stands; `none` when nothing is mounted for it yet. */
export type WidgetStatus = 'none' | 'loading' | 'loaded' | 'timeout' | 'failed';

export interface ChatView {
  state: ChatState;
  /** The widget wanted for the current member, when one is (also while it loads or timed out). */
  widget?: WidgetRequest;
  /** Error code (and the attribute at fault) in the error state. */
  error?: { code: string; attribute?: string; fromPage?: boolean };
  /** The validated attributes, with values of other members already removed. */
  config?: ChatAttributes;
}

export interface ViewInput {
  parsed: ParsedAttributes;
  /** Member-scoped attribute names whose value belongs to the current member. */
  owns: (name: string) => boolean;
  /** The grace period for page code to say who is signed in has run out. */
  graceOver: boolean;
  /** Load status of the widget mounted for a request, `none` if none is. */
  widget: (request: WidgetRequest) => WidgetStatus;
  /** The hosting page's origin: a widget there is refused (see isOwnNonLoopbackOrigin). */
  pageOrigin: string;
  /** Native mode: the pane holds the first page of this thread. */
  paneReady?: (thread: string) => boolean;
}

/**
 * The whole state machine as one pure function of the attributes, ownership, the grace
 * timer and the widget's load status; the element only renders what this returns.
 */
export function deriveView({ parsed, owns, graceOver, widget, pageOrigin, paneReady }: ViewInput): ChatView {
  if (!parsed.ok) return { state: 'error', error: { code: 'INVALID_ATTRIBUTE', attribute: parsed.attribute } };
  const config = { ...parsed.value };
  for (const name of MEMBER_SCOPED) if (!owns(name)) delete config[name as keyof ChatAttributes];
  const member = config['member-id'];
  if (config.error) return { state: 'error', error: { code: config.error, fromPage: true }, config };
  if (member === undefined) return { state: graceOver ? 'signed-out' : 'pending', config };
  if (member === '') return { state: 'signed-out', config };
  // The operator closed the chat: no widget and no pane, in either mode, whatever else is set.
  if (config.service && readService(config.service)?.mode === 'off') return { state: 'closed', config };
  if (!config.thread) return { state: 'loading', config };
  // Native mode is ready once the member's history is on screen (architecture.md §8.6).
  if (config.mode === 'native') return { state: paneReady?.(config.thread) ? 'ready' : 'loading', config };
  const built = buildWidgetRequest(config, config.thread, pageOrigin);
  if (!built.ok) return { state: 'error', error: { code: 'INVALID_ATTRIBUTE', attribute: built.attribute }, config };
  const request = built.request;
  const status = widget(request);
  if (status === 'timeout') return { state: 'error', error: { code: 'WIDGET_TIMEOUT' }, config, widget: request };
  if (status === 'failed') return { state: 'error', error: { code: 'WIDGET_FAILED' }, config, widget: request };
  return { state: status === 'loaded' ? 'ready' : 'loading', config, widget: request };
}
