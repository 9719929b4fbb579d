/**
 * The admin page's code: what velo/pages/chatMetrics.ts does on a Wix site (the real controller
 * `connectChatMetrics` over the element and the Admin web method), plus sign-out. The web
 * method's stub rejects on a refused call, as Wix's does, so the element says who may look.
 */
import { connectChatMetrics } from '../../../velo/public/chat-metrics.js';

declare global {
  interface Window {
    sandboxAdmin: { ready: boolean; calls: number };
  }
}
window.sandboxAdmin = { ready: false, calls: 0 };

async function getChatMetrics(args: { from: number; to: number }): Promise<unknown> {
  window.sandboxAdmin.calls++;
  const response = await fetch('/_webmethods/getChatMetrics', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify([args]) });
  if (!response.ok) throw Object.assign(new Error(`getChatMetrics: HTTP ${response.status}`), { status: response.status });
  return response.json();
}

const element = document.querySelector<HTMLElement>('sitegpt-chat-metrics')!;
await import('../../../element/src/metrics/sitegpt-chat-metrics.bundle.js');
connectChatMetrics(
  {
    setAttribute: (name, value) => element.setAttribute(name, value),
    on: (name, handler) => element.addEventListener(name, (event) => handler(event as CustomEvent)),
  },
  { getChatMetrics, isBrowser: () => true },
);

document.querySelector('[data-sign-out]')!.addEventListener('click', async () => {
  await fetch('/_auth/logout', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  location.assign('/');
});
window.sandboxAdmin.ready = true;
