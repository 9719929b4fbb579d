import { parseWidgetEvent } from './widget-events.js';
import { createFrame, frameLoaded, type MountStrategy } from './widget-mount.js';
import { expandUrl } from './url-template.js';

/**
 * `frame` strategy: the chat page itself in an iframe, on the thread named in its URL.
 * The identity parameter names `user_email` and `user_email_signature` are an assumption
 * taken from third-party code; a template may place `{email}`/`{signature}` itself instead.
 */
export const mountFrame: MountStrategy = (container, options) => {
  const { chatbotId, thread, email, signature } = options;
  const url = expandUrl(options.widgetUrl, { chatbotId, thread, email, signature });
  if (!url) throw new Error('widget-url was not validated');
  if (email && signature && !/\{(?:email|signature)\}/.test(options.widgetUrl)) {
    url.searchParams.set('user_email', email);
    url.searchParams.set('user_email_signature', signature);
  }
  const frame = createFrame(container.ownerDocument, options.title);
  // No top-level navigation from the widget: it cannot take the member's page away.
  frame.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox');
  frame.referrerPolicy = 'origin';
  frame.src = url.href;
  const view = container.ownerDocument.defaultView ?? window;
  const onMessage = (message: MessageEvent) => {
    if (message.source !== frame.contentWindow || message.origin !== url.origin) return;
    const event = parseWidgetEvent(message.data);
    if (event) options.onEvent(event);
  };
  view.addEventListener('message', onMessage);
  const loaded = frameLoaded(frame);
  container.append(frame);
  return {
    loaded,
    destroy() {
      view.removeEventListener('message', onMessage);
      frame.remove();
    },
  };
};
