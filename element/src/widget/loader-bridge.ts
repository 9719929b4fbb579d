import type { WidgetEvent } from '../events.js';
import { parseWidgetEvent } from './widget-events.js';

/** What the bridge in the loader's frame is given: data only, never markup. */
export interface BridgeConfig {
  /** The loader script's URL, already expanded and checked. */
  loader: string;
  /** The `$sitegpt` queue, in place before the loader runs. */
  commands: unknown[];
  /** Stylesheet of the frame (`frame-css`). */
  css: string;
  readyOn: 'message' | 'load';
}

/** Marks the bridge's messages, so the element tells them from anything else the frame posts. */
const TAG = 'sitegpt-member-chat-bridge';

/**
 * Runs inside the loader's frame before the loader: sets the `$sitegpt` queue, catches the
 * documented `dataLayer` pushes, and tells the element (its parent) the widget's events and
 * when the loader's chat frame is alive: its first message to this page (or, with
 * `ready-on="load"`, its `load`). Plain ES5 in a string, so no bundler can rename it.
 */
const BRIDGE = `(function (c) {
  var post = function (m) { m.tag = '${TAG}'; parent.postMessage(m, '*'); };
  var style = document.createElement('style');
  style.textContent = c.css;
  document.head.appendChild(style);
  var ready = false;
  var alive = function () { if (!ready) { ready = true; post({ kind: 'ready' }); } };
  if (c.readyOn === 'load') {
    var watch = new MutationObserver(function () {
      var chat = document.querySelector('iframe');
      if (chat) { watch.disconnect(); chat.addEventListener('load', alive); }
    });
    watch.observe(document, { childList: true, subtree: true });
  } else {
    addEventListener('message', function (e) {
      for (var i = 0; i < frames.length; i++) if (frames[i] === e.source) return alive();
    });
  }
  var layer = window.dataLayer = [];
  layer.push = function () {
    for (var i = 0; i < arguments.length; i++) {
      var item = arguments[i];
      if (!item || typeof item.event !== 'string') continue;
      var m = { kind: 'event', event: item.event };
      if (typeof item.threadId === 'string') m.threadId = item.threadId;
      post(m);
    }
    return Array.prototype.push.apply(layer, arguments);
  };
  window.$sitegpt = c.commands;
  var loader = document.createElement('script');
  loader.src = c.loader;
  loader.async = true;
  document.head.appendChild(loader);
})`;

/**
 * The loader frame's whole document. The configuration goes in as JSON with every `<` escaped,
 * so no attribute value can end the script element or start another one.
 */
export function loaderDocument(config: BridgeConfig): string {
  const data = JSON.stringify(config).replace(/</g, '\\u003c');
  return `<!doctype html><html><head><meta name="referrer" content="origin"><script>${BRIDGE}(${data})</script></head><body></body></html>`;
}

/** A message from the bridge: `ready`, a validated widget event, or undefined for anything else. */
export function readBridgeMessage(data: unknown): 'ready' | WidgetEvent | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const message = data as { tag?: unknown; kind?: unknown; event?: unknown; threadId?: unknown };
  if (message.tag !== TAG) return undefined;
  if (message.kind === 'ready') return 'ready';
  return message.kind === 'event' ? parseWidgetEvent({ event: message.event, threadId: message.threadId }) : undefined;
}
