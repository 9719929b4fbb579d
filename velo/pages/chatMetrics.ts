/**
 * Page code of the site's chat-metrics page (built to pages/chatMetrics.js). Wix names a page's
 * code file after the page, so paste these lines into the code of a page whose permissions are
 * "Admins only" and that holds the custom element `sitegpt-chat-metrics` with the ID
 * `chatMetrics` (docs/install-on-wix.md), and, for the setup check, the custom element
 * `sitegpt-setup-check` with the ID `setupCheck`. `getChatMetrics` is an Admin web method: Wix refuses
 * it to anyone else, whatever the page's permissions, and the element then says so.
 */
import { rendering } from '@wix/site-window';
import { checkSetup, getChatMetrics } from 'backend/sitegpt-admin.web';
import { connectChatMetrics, connectSetupCheck } from 'public/chat-metrics.js';

$w.onReady(() => {
  connectChatMetrics($w('#chatMetrics'), {
    getChatMetrics,
    isBrowser: async () => (await rendering.env()) === 'browser',
  });
  // The setup check, if the page holds the custom element `sitegpt-setup-check` with the ID
  // `setupCheck` (the same Server URL as the metrics element); a page without it skips this
  // (UNCONFIRMED what $w answers for an ID the page lacks, hence the check for `on`).
  const setupCheck = $w('#setupCheck') as Partial<ReturnType<typeof $w>> | undefined;
  if (setupCheck && typeof setupCheck.on === 'function' && typeof setupCheck.setAttribute === 'function') {
    connectSetupCheck(setupCheck as ReturnType<typeof $w>, {
      checkSetup,
      isBrowser: async () => (await rendering.env()) === 'browser',
    });
  }
});
