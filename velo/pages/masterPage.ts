/**
 * Site-wide page code (built to pages/masterPage.js): connects the custom element with the
 * ID `memberChat` to the member's login state and to the backend (docs/install-on-wix.md).
 * - The element must be on every page (header, footer or "Show on all pages"); for one page
 *   only, put these lines in that page's code instead.
 * - onReady also runs in Wix's server-side render: isBrowser makes that run do nothing.
 * - connectMemberChat is not awaited, so the page never waits for the backend or a dialog.
 * - In either mode the chat follows the operator's settings (SiteGptSettings `mode`): closed,
 *   or answering with static replies, which a widget-mode page shows in the element's own pane
 *   (that needs the SiteGptMessages collection too, see docs/install-on-wix.md).
 */
import { loggedIn, onLogin, onLogout } from '@wix/authentication';
import { location } from '@wix/site-location';
import { authentication, currentMember } from '@wix/site-members';
import { realtime } from '@wix/site-realtime';
import { rendering } from '@wix/site-window';
import { forgetMyChat, getChatMessages, getMemberChat, rateAnswer, requestHuman, sendChatMessage, startNewConversation } from 'backend/sitegpt.web';
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
    // The page the member is on, for the typed context the backend builds (checked there again).
    pagePath,
    startNewConversation,
    // *Delete my chat* in the element's menu: the member's mapping and mirrored messages go, and
    // their next chat is a new, empty one; SiteGPT keeps its copy (docs/privacy.md).
    forgetMyChat,
    sendChatMessage,
    getChatMessages,
    rateAnswer,
    // The pane's *Talk to a person*: hands the member's conversation to the site's team.
    requestHuman,
    // Live updates: content-free notices on the member's own resource (native mode) and the
    // site-wide service notices (both modes). If Wix refuses a subscription, page code polls instead.
    subscribe: async (channel, onNotice) => {
      const subscriptionId = await realtime.subscribe(channel, (message) => onNotice(message.payload));
      return () => void realtime.unsubscribe({ subscriptionId }).catch(() => undefined);
    },
    isBrowser: async () => (await rendering.env()) === 'browser',
    log: (event, detail) => console.warn(`[sitegpt-member-chat] ${event}`, detail),
  });
});

/** The page's path on the site (`/pricing`, or `/blog/a-post` on a dynamic page with a prefix). */
async function pagePath(): Promise<string> {
  const [prefix, segments] = await Promise.all([location.prefix().catch(() => undefined), location.path()]);
  return `/${[prefix, ...segments].filter(Boolean).join('/')}`;
}
