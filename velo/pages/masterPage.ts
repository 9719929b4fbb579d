/**
 * Site-wide page code (built to pages/masterPage.js): connects the custom element with the
 * ID `memberChat` to the member's login state and to the backend (docs/install-on-wix.md).
 * - The element must be on every page (header, footer or "Show on all pages"); for one page
 *   only, put these lines in that page's code instead.
 * - onReady also runs in Wix's server-side render: isBrowser makes that run do nothing.
 * - connectMemberChat is not awaited, so the page never waits for the backend or a dialog.
 */
import { loggedIn, onLogin, onLogout } from '@wix/authentication';
import { authentication, currentMember } from '@wix/site-members';
import { realtime } from '@wix/site-realtime';
import { rendering } from '@wix/site-window';
import { getChatMessages, getMemberChat, rateAnswer, sendChatMessage, startNewConversation } from 'backend/sitegpt.web';
import { connectMemberChat } from 'public/sitegpt-member-chat.js';

/**
 * How the chat works on this site. To switch, change this one word and publish:
 * - 'widget' (default): SiteGPT's own widget, on the member's thread.
 * - 'native': the element's own pane; every message goes through the backend (validated,
 *   mirrored in the CMS collection SiteGptMessages, live on the member's other devices through
 *   Wix Realtime). It needs that collection and backend/realtime-permissions.js first
 *   (docs/install-on-wix.md).
 */
const MODE: 'widget' | 'native' = 'widget';

$w.onReady(() => {
  connectMemberChat($w('#memberChat'), {
    mode: MODE,
    loggedIn,
    onLogin,
    onLogout,
    promptLogin: () => authentication.promptLogin({ mode: 'login' }),
    currentMemberId: async () => (await currentMember.getMember({ fieldsets: ['PUBLIC'] }))?._id,
    getMemberChat,
    startNewConversation,
    sendChatMessage,
    getChatMessages,
    rateAnswer,
    // Native mode's live updates: content-free notices on the member's own resource. If Wix
    // refuses the subscription, page code polls instead.
    subscribe: async (channel, onNotice) => {
      const subscriptionId = await realtime.subscribe(channel, (message) => onNotice(message.payload));
      return () => void realtime.unsubscribe({ subscriptionId }).catch(() => undefined);
    },
    isBrowser: async () => (await rendering.env()) === 'browser',
    log: (event, detail) => console.warn(`[sitegpt-member-chat] ${event}`, detail),
  });
});
