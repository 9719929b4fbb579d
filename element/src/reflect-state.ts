/**
 * Shows an element's state both ways page code and CSS can read it: the read-only `state`
 * attribute (written only when it changes, so no attribute callback loops) and a CSS custom
 * state (`:state(ready)`). Shared by the member element and the admins' elements.
 */
export function reflectState(host: HTMLElement, internals: ElementInternals, state: string): void {
  if (host.getAttribute('state') !== state) host.setAttribute('state', state);
  internals.states.clear();
  internals.states.add(state);
}
