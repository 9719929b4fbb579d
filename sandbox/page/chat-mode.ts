/**
 * The sandbox page's two switches, both kept in the URL so a reload (or a second browser on
 * the same link) keeps them: `?mode=native` (default widget), as a site owner's MODE in
 * masterPage.ts, and `?realtime=off`, which leaves page code without realtime so it polls.
 */
export type ChatMode = 'widget' | 'native';

export interface PageSwitches {
  mode: ChatMode;
  realtime: boolean;
}

export function readSwitches(search = location.search): PageSwitches {
  const params = new URLSearchParams(search);
  return { mode: params.get('mode') === 'native' ? 'native' : 'widget', realtime: params.get('realtime') !== 'off' };
}

/** The page's URL with one switch changed and the others kept. */
export function switchedUrl(change: Partial<PageSwitches>, current = location.href): string {
  const url = new URL(current);
  const next = { ...readSwitches(url.search), ...change };
  if (next.mode === 'native') url.searchParams.set('mode', 'native');
  else url.searchParams.delete('mode');
  if (next.realtime) url.searchParams.delete('realtime');
  else url.searchParams.set('realtime', 'off');
  return `${url.pathname}${url.search}`;
}

/** Fills the mode switch above the chat: two links, the current one marked. */
export function showModeSwitch(container: HTMLElement, switches: PageSwitches): void {
  for (const link of container.querySelectorAll<HTMLAnchorElement>('a[data-chat-mode]')) {
    const mode = link.dataset.chatMode as ChatMode;
    link.href = switchedUrl({ mode });
    if (mode === switches.mode) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}
