/**
 * The admin page's code: what velo/pages/chatMetrics.ts does on a Wix site (the real controllers
 * `connectChatMetrics` and `connectSetupCheck` over the elements and the Admin web methods), plus
 * sign-out and the sandbox's *Break the setup* switch. The web methods' stub rejects on a
 * refused call, as Wix's does, so the elements say who may look.
 */
import { connectChatMetrics, connectSetupCheck, type ChatMetricsElement } from '../../../velo/public/chat-metrics.js';

declare global {
  interface Window {
    sandboxAdmin: { ready: boolean; calls: number };
  }
}
window.sandboxAdmin = { ready: false, calls: 0 };

async function call(name: string, args: unknown[]): Promise<unknown> {
  const response = await fetch(`/_webmethods/${name}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(args) });
  if (!response.ok) throw Object.assign(new Error(`${name}: HTTP ${response.status}`), { status: response.status });
  return response.json();
}

async function getChatMetrics(args: { from: number; to: number }): Promise<unknown> {
  window.sandboxAdmin.calls++;
  return call('getChatMetrics', [args]);
}

/** What page code can do with an element ($w's setAttribute and on). */
const wixLike = (element: HTMLElement): ChatMetricsElement => ({
  setAttribute: (name, value) => element.setAttribute(name, value),
  on: (name, handler) => element.addEventListener(name, (event) => handler(event as CustomEvent)),
});

const element = document.querySelector<HTMLElement>('sitegpt-chat-metrics')!;
await import('../../../element/src/metrics/sitegpt-chat-metrics.bundle.js');
connectChatMetrics(wixLike(element), { getChatMetrics, isBrowser: () => true });

const setupCheck = document.querySelector<HTMLElement>('sitegpt-setup-check')!;
connectSetupCheck(wixLike(setupCheck), { checkSetup: () => call('checkSetup', []), isBrowser: () => true });

// *Break the setup*: the switch changes the sandbox's site, then the check runs again, as if the
// owner pressed *Check again*.
const breakSwitch = document.querySelector<HTMLInputElement>('[data-break-setup]')!;
const setupState = (await (await fetch('/_sandbox/setup')).json()) as { broken: boolean };
breakSwitch.checked = setupState.broken;
breakSwitch.addEventListener('change', async () => {
  breakSwitch.disabled = true;
  await fetch('/_sandbox/setup', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ broken: breakSwitch.checked }) });
  breakSwitch.disabled = false;
  const again = setupCheck.shadowRoot?.querySelector<HTMLButtonElement>('[part="check-button"]');
  // A check already on its way: ask for another; the controller keeps only the latest answer.
  if (again && !again.disabled) again.click();
  else setupCheck.dispatchEvent(new CustomEvent('sitegpt-setup-request', { detail: {} }));
});

document.querySelector('[data-sign-out]')!.addEventListener('click', async () => {
  await fetch('/_auth/logout', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  location.assign('/');
});
window.sandboxAdmin.ready = true;
