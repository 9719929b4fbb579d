import { html, nothing, type TemplateResult } from 'lit';
import type { ChatController } from './chat-controller.js';
import { handoffButton, type HandoffState, type HandoffView } from './pane/handoff.js';
import { paneAnnouncement, paneView } from './pane/pane-view.js';
import { closedPanel } from './service.js';
import { announcement, errorPanel, loadingPanel, noticeView, signedOutPanel, toolbarView } from './views.js';

/**
 * The member element's shadow DOM for the current view: the toolbar and notice over the ready
 * chat, the widget's box or the native pane, the signed-out, loading, error or closed view,
 * and the status line that announces changes.
 */
export function chatTemplate(chat: ChatController): TemplateResult {
  const { labels: t, view, flow, pane } = chat;
  const { state, config } = view;
  const busy = state === 'pending' || state === 'loading';
  const code = flow.notice();
  const native = config?.mode === 'native';
  const ready = state === 'ready';
  const said = native && ready && flow.phase !== 'busy' && paneAnnouncement(pane, t);
  const handoff: HandoffView = { state: (config?.handoff ?? '') as HandoffState, flow: chat.handoff, error: config?.['handoff-error'] };
  return html`<div part="base" class="base" aria-busy=${busy ? 'true' : 'false'}>
    ${ready ? toolbarView(t, flow, native && handoff.state !== 'active' ? handoffButton(handoff, t) : nothing) : nothing}
    ${code ? noticeView(t, code, flow, chat.askSignIn) : nothing}
    <div class="stage">
      ${native
        ? ready
          ? paneView(pane, t, JSON.parse(config.starters ?? '[]') as string[], handoff, chat.lang, chat.service()?.mode === 'fallback')
          : nothing
        : html`<div part="widget" class=${ready ? 'widget' : 'widget behind'}></div>`}
      ${panel(chat)}
    </div>
    <div class="sr-only" role="status">${said || announcement(t, view, flow)}</div>
  </div>`;
}

function panel(chat: ChatController): TemplateResult | typeof nothing {
  const { labels: t, view } = chat;
  const { state, error } = view;
  if (state === 'ready') return nothing;
  if (state === 'signed-out') return signedOutPanel(t, chat.askSignIn);
  if (state === 'closed') return closedPanel(t, chat.service()!);
  if (state === 'error' && error) return errorPanel(t, error, { signIn: chat.askSignIn, retry: chat.retry });
  return loadingPanel(t);
}
