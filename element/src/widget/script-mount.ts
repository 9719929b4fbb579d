import { loaderDocument, readBridgeMessage } from './loader-bridge.js';
import { createFrame, signal, type MountOptions, type MountStrategy } from './widget-mount.js';

/**
 * Makes the loader's chat frame fill our box and hides its floating launcher. The selectors
 * are those of SiteGPT's older loader (third-party copies); `frame-css` replaces this.
 */
export const DEFAULT_FRAME_CSS =
  'html,body{margin:0;height:100%;overflow:hidden;background:transparent}' +
  'body>iframe,#sitegpt-bot-ui{position:fixed!important;inset:0!important;width:100%!important;' +
  'height:100%!important;max-width:none!important;max-height:none!important;border:0!important}' +
  '#sitegpt-chat-icon,#sitegpt-chat-tooltip{display:none!important}';

/** An opaque origin: the loader can run scripts, forms and popups, but reach nothing of the page. */
const LOADER_SANDBOX = 'allow-scripts allow-popups allow-popups-to-escape-sandbox allow-forms';

type Command = [string, ...unknown[]];

/** The documented `$sitegpt` queue for this member, plus the configured resume command. */
export function widgetCommands(options: MountOptions): Command[] {
  const commands: Command[] = [];
  if (options.email && options.signature) commands.push(['set', 'user:email', [options.email, options.signature]]);
  if (options.context) commands.push(['set', 'context', options.context]);
  if (options.css) commands.push(['set', 'css', options.css]);
  if (options.resumeCommand) {
    const values: Record<string, string> = { thread: options.thread, chatbotId: options.chatbotId };
    const [name, ...args] = options.resumeCommand.map((part) =>
      part.replace(/\{(\w+)\}/g, (match, key: string) => values[key] ?? match)
    );
    commands.push([name, ...args]);
  }
  commands.push(['open']);
  return commands;
}

/**
 * `script` strategy: SiteGPT's documented loader and `$sitegpt` queue, in a frame inside our
 * shadow root, so the widget stays in our box and leaves with it. By default the frame is
 * sandboxed without `allow-same-origin`: the loader runs in an opaque origin and cannot read
 * the page's cookies, storage or DOM, nor navigate it; a small bridge (loader-bridge.ts) passes
 * its events and readiness on. `loader-isolation="same-origin"` gives it the page's rights, for
 * a loader that needs them. SiteGPT documents no command to open a given thread: without
 * `resume-command` the member is signed in but the widget picks its own thread.
 */
export const mountScript: MountStrategy = (container, options) => {
  if (!options.resumeCommand) {
    console.warn('sitegpt-member-chat: no resume-command is set, so the widget is not pinned to the stored thread.');
  }
  const sandboxed = options.isolation === 'sandboxed';
  if (!sandboxed) {
    console.warn(
      'sitegpt-member-chat: loader-isolation="same-origin" runs the SiteGPT loader with this page\'s rights: ' +
        'it can read the page\'s cookies and storage, the member\'s email and signature, and change or navigate the page.'
    );
  }
  const frame = createFrame(container.ownerDocument, options.title);
  if (sandboxed) frame.setAttribute('sandbox', LOADER_SANDBOX);
  frame.srcdoc = loaderDocument({
    loader: options.url,
    commands: widgetCommands(options),
    css: options.frameCss ?? DEFAULT_FRAME_CSS,
    readyOn: options.readyOn,
  });
  const view = container.ownerDocument.defaultView ?? window;
  // An opaque origin posts as "null"; unisolated, the frame has the page's origin.
  const origin = sandboxed ? 'null' : view.location.origin;
  const alive = signal();
  const onMessage = (message: MessageEvent) => {
    if (message.source !== frame.contentWindow || message.origin !== origin) return;
    const read = readBridgeMessage(message.data);
    if (read === 'ready') alive.resolve();
    else if (read) options.onEvent(read);
  };
  view.addEventListener('message', onMessage);
  container.append(frame);
  return {
    loaded: alive.promise,
    destroy() {
      view.removeEventListener('message', onMessage);
      frame.remove();
    },
  };
};
