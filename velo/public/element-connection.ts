/**
 * One connection per element, made only in the browser. `$w.onReady` runs again on some
 * pages, and Wix renders page code on its server first: a second call gets the connection
 * already made, and outside the browser nothing is wired (nor kept).
 */
import type { MemberChatConnection, MemberChatDeps, MemberChatElement } from './controller-deps.js';

/** What a connection drives: wired once the browser check passed, disposed at most once. */
export interface Connected {
  wire(): void;
  dispose(): void;
}

const connections = new WeakMap<MemberChatElement, MemberChatConnection>();

// The element's connection: the existing one, or a new one from `connect` (called at once).
export function connectOnce(
  element: MemberChatElement,
  deps: MemberChatDeps,
  connect: (element: MemberChatElement, deps: MemberChatDeps) => Connected,
): MemberChatConnection {
  const existing = connections.get(element);
  if (existing) return existing;
  const connected = connect(element, deps);
  let disposed = false;
  const forget = () => {
    if (connections.get(element) === connection) connections.delete(element);
  };
  const connection: MemberChatConnection = {
    // A microtask later, so that even an isBrowser that throws at once only means "not here".
    ready: Promise.resolve()
      .then(() => deps.isBrowser())
      .then(
        (browser) => browser === true,
        () => false,
      )
      .then((browser) => {
        if (!browser || disposed) {
          forget();
          return false;
        }
        connected.wire();
        return true;
      }),
    dispose() {
      if (disposed) return;
      disposed = true;
      connected.dispose();
      forget();
    },
  };
  connections.set(element, connection);
  return connection;
}
