import { DEFAULT_LOADER_URL, DEFAULT_WIDGET_URL, type ChatAttributes } from '../attributes.js';
import { expandUrl, isOwnNonLoopbackOrigin } from './url-template.js';
import type { WidgetRequest } from './widget-mount.js';

export type BuiltRequest = { ok: true; request: WidgetRequest } | { ok: false; attribute: 'widget-url' | 'loader-url' };

/**
 * The widget wanted for a member's thread. Its URL is expanded here, once, from the real
 * values: the attribute check could only try sample ones, and a template such as
 * `http://127.0.0.{chatbotId}/` passes with a sample ID and is no URL with a real one.
 */
export function buildWidgetRequest(config: ChatAttributes, thread: string, pageOrigin: string): BuiltRequest {
  const strategy = config['widget-strategy'] === 'script' ? 'script' : 'frame';
  const attribute = strategy === 'script' ? 'loader-url' : 'widget-url';
  const template = config[attribute] ?? (strategy === 'script' ? DEFAULT_LOADER_URL : DEFAULT_WIDGET_URL);
  const chatbotId = config['chatbot-id'];
  const { email, 'email-signature': signature } = config;
  const url = expandUrl(template, { chatbotId, thread, email, signature });
  if (!url || isOwnNonLoopbackOrigin(url, pageOrigin)) return { ok: false, attribute };
  // The identity parameter names are an assumption from third-party code; a template may
  // place `{email}`/`{signature}` itself instead.
  if (strategy === 'frame' && email && signature && !/\{(?:email|signature)\}/.test(template)) {
    url.searchParams.set('user_email', email);
    url.searchParams.set('user_email_signature', signature);
  }
  return {
    ok: true,
    request: {
      strategy,
      url: url.href,
      readyOn: config['ready-on'] === 'load' ? 'load' : 'message',
      isolation: config['loader-isolation'] === 'same-origin' ? 'same-origin' : 'sandboxed',
      chatbotId,
      thread,
      email,
      signature,
      resumeCommand: fromJson(config['resume-command']),
      // Only the loader takes a context; a frame is not remounted when page code sets a new one.
      context: strategy === 'script' ? fromJson(config['widget-context']) : undefined,
      css: config['widget-css'],
      frameCss: config['frame-css'],
    },
  };
}

/** Attribute JSON that parseAttributes has already checked. */
function fromJson<T>(value: string | undefined): T | undefined {
  return value === undefined ? undefined : (JSON.parse(value) as T);
}
