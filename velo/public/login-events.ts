/**
 * The visitor's login state as page code follows it: the element's *Sign in* opens Wix's login
 * dialog, and `onLogin`/`onLogout` of `@wix/authentication` (a login after the page loaded, no
 * reload; a logout; a switch of member) show the chat of whoever is signed in now.
 */
import type { MemberChatDeps, MemberChatElement } from './controller-deps.js';

export interface LoginHooks {
  /** True once the connection was disposed: nothing happens then. */
  disposed(): boolean;
  signedIn(): void;
  signedOut(): void;
}

// Listens to the element and to the login state; answers the function that ends the login subscriptions.
export function followLogin(element: MemberChatElement, deps: MemberChatDeps, hooks: LoginHooks): () => void {
  element.on('sitegpt-login-request', () => {
    if (hooks.disposed()) return;
    // Called at once, inside the click. A cancelled dialog rejects: nothing to do then; when
    // the visitor does sign in, onLogin does the rest.
    try {
      deps.promptLogin().catch(() => undefined);
    } catch {
      // Wix's login dialog could not open (e.g. in the editor): the sign-in view stays.
    }
  });
  const unsubscribers: Array<() => void> = [];
  const keep = (unsubscribe: unknown) => {
    if (typeof unsubscribe === 'function') unsubscribers.push(unsubscribe as () => void);
  };
  keep(
    deps.onLogin(() => {
      if (!hooks.disposed()) hooks.signedIn();
    }),
  );
  keep(
    deps.onLogout(() => {
      if (!hooks.disposed()) hooks.signedOut();
    }),
  );
  return () => {
    for (const unsubscribe of unsubscribers.splice(0)) unsubscribe();
  };
}
