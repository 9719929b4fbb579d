import type { LitElement, ReactiveController } from 'lit';
import { parseAttributes } from './attributes.js';
import { deriveView, type ChatView } from './chat-state.js';
import { emit } from './events.js';
import { LABEL_KEYS, builtInLabels, type Labels } from './labels.js';
import { MemberInputs } from './member-inputs.js';
import { OutcomeReport } from './outcome-report.js';
import { HandoffFlow } from './pane/handoff.js';
import { PaneController } from './pane/pane-controller.js';
import { reflectState } from './reflect-state.js';
import { readService } from './service.js';
import { SignedOutGrace } from './signed-out-grace.js';
import { ToolbarFlow } from './toolbar-flow.js';
import { WidgetHost } from './widget/widget-host.js';

const DEFAULT_WIDGET_TIMEOUT = 20000;

/**
 * The member element's parts and the view they add up to. Before each render it derives the
 * view from the attributes (chat-state.ts) and picks its words; after it, mounts the widget the
 * view wants and reports the outcome. The element renders it with chatTemplate.
 */
export class ChatController implements ReactiveController {
  readonly widget: WidgetHost;
  readonly flow: ToolbarFlow;
  readonly pane: PaneController;
  readonly handoff: HandoffFlow;
  readonly inputs: MemberInputs;
  view: ChatView = { state: 'pending' };
  labels: Labels = builtInLabels(undefined);
  lang?: string;
  // TypeScript-private rather than #private: the es2021 build turns each # field into a WeakMap.
  private readonly internals: ElementInternals;
  private readonly grace: SignedOutGrace;
  private readonly outcome = new OutcomeReport();

  /** `renderNow` renders at once (the element's performUpdate, which is protected). */
  constructor(
    private readonly host: LitElement,
    renderNow: () => void
  ) {
    this.internals = host.attachInternals();
    this.widget = new WidgetHost(host);
    this.flow = new ToolbarFlow(host, (action, threadId) =>
      action === 'delete' ? emit(host, 'sitegpt-delete-chat', {}) : emit(host, 'sitegpt-new-conversation', { threadId })
    );
    this.pane = new PaneController(host);
    this.handoff = new HandoffFlow(host);
    this.grace = new SignedOutGrace(host);
    this.inputs = new MemberInputs(host, this, renderNow);
    host.addController(this);
    // The member wrote in the fresh chat: the toolbar stops saying the old one was deleted.
    host.addEventListener('sitegpt-send', () => this.flow.moveOn());
  }

  hostConnected(): void {
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.widget.unmount();
  }

  /** Before each render: the view, its words, and the toolbar and `state` following it. */
  derive(): void {
    const host = this.host;
    const view = deriveView({
      parsed: parseAttributes((name) => host.getAttribute(name)),
      owns: this.inputs.owns,
      graceOver: this.grace.over,
      widget: (request) => this.widget.status(request),
      pageOrigin: (host.ownerDocument.defaultView ?? window).location.origin,
      paneReady: (thread) => this.pane.turns.thread === thread && this.pane.turns.loaded,
    });
    const config = view.config;
    this.lang = config?.lang ?? (host.closest('[lang]')?.getAttribute('lang') || undefined);
    const base = builtInLabels(this.lang);
    this.labels = config
      ? (Object.fromEntries(LABEL_KEYS.map((key) => [key, config[`label-${key}`] ?? base[key]])) as Labels)
      : base;
    this.view = view;
    this.flow.sync({ state: view.state, member: config?.['member-id'], thread: config?.thread, notice: config?.notice });
    reflectState(host, this.internals, view.state);
  }

  /** After each render: the widget the view wants, in its box, and the outcome reported. */
  settle(): void {
    const timeout = Number(this.view.config?.['widget-timeout'] ?? DEFAULT_WIDGET_TIMEOUT);
    const container = this.host.renderRoot.querySelector<HTMLElement>('.widget');
    this.widget.sync(this.view.widget, container, this.labels['widget-title'], timeout);
    this.outcome.report(this.host, this.view, this.labels);
  }

  service = () => readService(this.view.config?.service ?? '');

  askSignIn = (): void => emit(this.host, 'sitegpt-login-request', {});

  retry = (): void => {
    const code = this.view.error?.code ?? 'INTERNAL';
    // A widget that timed out or failed to mount is ours to reload; a backend error is page code's to redo.
    if (code === 'WIDGET_TIMEOUT' || code === 'WIDGET_FAILED') {
      this.widget.unmount();
      this.host.requestUpdate();
    }
    emit(this.host, 'sitegpt-retry', { code });
  };
}
