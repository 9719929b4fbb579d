import { parseWidgetEvent } from './widget-events.js';
import { createFrame, frameLoaded, type MountOptions, type MountStrategy } from './widget-mount.js';
import { expandUrl } from './url-template.js';

/**
 * Makes the loader's chat frame fill our box and hides its floating launcher. The selectors
 * are those of SiteGPT's older loader (third-party copies); `frame-css` replaces this.
 */
export const DEFAULT_FRAME_CSS =
  'html,body{margin:0;height:100%;overflow:hidden;background:transparent}' +
  'body>iframe,#sitegpt-bot-ui{position:fixed!important;inset:0!important;width:100%!important;' +
  'height:100%!important;max-width:none!important;max-height:none!important;border:0!important}' +
  '#sitegpt-chat-icon,#sitegpt-chat-tooltip{display:none!important}';

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
 * `script` strategy: SiteGPT's documented loader and `$sitegpt` queue, run in an isolated
 * same-origin frame inside our shadow root, so the widget stays in our box and leaves with
 * it. SiteGPT documents no command to open a given thread: without `resume-command` the
 * member is signed in but the widget picks its own thread.
 */
export const mountScript: MountStrategy = (container, options) => {
  const loaderUrl = expandUrl(options.loaderUrl, options);
  if (!loaderUrl) throw new Error('loader-url was not validated');
  if (!options.resumeCommand) {
    console.warn('sitegpt-member-chat: no resume-command is set, so the widget is not pinned to the stored thread.');
  }
  const frame = createFrame(container.ownerDocument, options.title);
  container.append(frame);
  const win = frame.contentWindow as (Window & { $sitegpt?: unknown; dataLayer?: unknown[] }) | null;
  const doc = frame.contentDocument;
  if (!win || !doc) throw new Error('isolated frame has no document');

  const style = doc.createElement('style');
  style.textContent = options.frameCss ?? DEFAULT_FRAME_CSS;
  doc.head.append(style);

  // The loader reports events through dataLayer pushes named sitegpt_<event> (documented).
  const dataLayer: unknown[] = [];
  dataLayer.push = (...items: unknown[]) => {
    for (const item of items) {
      const event = parseWidgetEvent(item);
      if (event) options.onEvent(event);
    }
    return Array.prototype.push.apply(dataLayer, items);
  };
  win.dataLayer = dataLayer;
  win.$sitegpt = widgetCommands(options);

  // Loaded means the chat frame the loader adds has loaded, not merely the loader script.
  let observer: MutationObserver | undefined;
  const loaded = new Promise<void>((resolve) => {
    observer = new MutationObserver(() => {
      const chat = doc.querySelector('iframe');
      if (!chat) return;
      observer?.disconnect();
      void frameLoaded(chat).then(resolve);
    });
    observer.observe(doc, { childList: true, subtree: true });
  });

  const script = doc.createElement('script');
  script.src = loaderUrl.href;
  script.async = true;
  doc.head.append(script);
  return {
    loaded,
    destroy() {
      observer?.disconnect();
      frame.remove();
    },
  };
};
