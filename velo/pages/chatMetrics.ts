/**
 * Page code of the site's chat-metrics page (built to pages/chatMetrics.js). Wix names a page's
 * code file after the page, so paste these lines into the code of a page whose permissions are
 * "Admins only" and that holds the custom element `sitegpt-chat-metrics` with the ID
 * `chatMetrics` (docs/install-on-wix.md). `getChatMetrics` is an Admin web method: Wix refuses
 * it to anyone else, whatever the page's permissions, and the element then says so.
 */
import { rendering } from '@wix/site-window';
import { getChatMetrics } from 'backend/sitegpt-admin.web';
import { connectChatMetrics } from 'public/chat-metrics.js';

$w.onReady(() => {
  connectChatMetrics($w('#chatMetrics'), {
    getChatMetrics,
    isBrowser: async () => (await rendering.env()) === 'browser',
  });
});
