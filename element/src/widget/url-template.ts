/** Values a widget URL template may use; each is URL-encoded where it lands. */
export interface TemplateValues {
  chatbotId: string;
  thread: string;
  email?: string;
  signature?: string;
}

const PLACEHOLDER = /\{(\w+)\}/g;
const KNOWN = new Set(['chatbotId', 'thread', 'email', 'signature']);
// Plain http is only for development against a stand-in on this machine.
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Expands a URL template, or returns undefined when the template names an unknown
 * placeholder or the result is not an https URL (http only on localhost) without credentials.
 */
export function expandUrl(template: string, values: TemplateValues): URL | undefined {
  let unknown = false;
  const text = template.replace(PLACEHOLDER, (_match, name: string) => {
    if (!KNOWN.has(name)) unknown = true;
    return encodeURIComponent(values[name as keyof TemplateValues] ?? '');
  });
  if (unknown) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname));
  return secure && !url.username && !url.password ? url : undefined;
}

/**
 * True when `url` is on the page's own origin, off loopback. A frame there that has
 * `allow-scripts` and `allow-same-origin` can reach into its parent and lift its own sandbox.
 * Loopback is exempt: it is where the sandbox and the tests serve the stand-in, and a real Wix
 * page never is.
 */
export function isOwnNonLoopbackOrigin(url: URL, pageOrigin: string): boolean {
  return url.origin === pageOrigin && !LOCAL_HOSTS.has(url.hostname);
}

// A first check when the attribute is set; the real values are checked where the URL is built.
const SAMPLE: TemplateValues = {
  chatbotId: '1',
  thread: '00000000-0000-0000-0000-000000000000',
  email: 'a@b.co',
  signature: '0',
};

/** True when the template expands to an acceptable URL. */
export function isSafeUrlTemplate(template: string): boolean {
  return expandUrl(template, SAMPLE) !== undefined;
}
