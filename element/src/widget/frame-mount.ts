import { parseWidgetEvent } from './widget-events.js';
import { createFrame, signal, type MountStrategy } from './widget-mount.js';

/**
 * `frame` strategy: the chat page itself in an iframe, on the thread named in its URL.
 *
 * Ready means the widget's own frame, from the widget's origin, posted its first message. A
 * 404, a 500, a page refused by X-Frame-Options and a refused connection all fire `load` and
 * post nothing. SiteGPT documents no wire format, so any message counts. `ready-on="load"` is
 * the opt-in for a widget that never posts: then ready only means that `load` fired.
 */
export const mountFrame: MountStrategy = (container, options) => {
  const origin = new URL(options.url).origin;
  const frame = createFrame(container.ownerDocument, options.title);
  // No top-level navigation from the widget: it cannot take the member's page away. The widget
  // is never on the page's own origin (see isOwnNonLoopbackOrigin), so allow-same-origin gives
  // it only its own origin's storage.
  frame.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox');
  frame.referrerPolicy = 'origin';
  frame.src = options.url;
  const alive = signal();
  const view = container.ownerDocument.defaultView ?? window;
  const onMessage = (message: MessageEvent) => {
    if (message.source !== frame.contentWindow || message.origin !== origin) return;
    if (options.readyOn === 'message') alive.resolve();
    const event = parseWidgetEvent(message.data);
    if (event) options.onEvent(event);
  };
  view.addEventListener('message', onMessage);
  if (options.readyOn === 'load') frame.addEventListener('load', alive.resolve, { once: true });
  container.append(frame);
  return {
    loaded: alive.promise,
    destroy() {
      view.removeEventListener('message', onMessage);
      frame.remove();
    },
  };
};
