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
import { rendering } from '@wix/site-window';
import { getMemberChat, startNewConversation } from 'backend/sitegpt.web';
import { connectMemberChat } from 'public/sitegpt-member-chat.js';

$w.onReady(() => {
  connectMemberChat($w('#memberChat'), {
    loggedIn,
    onLogin,
    onLogout,
    promptLogin: () => authentication.promptLogin({ mode: 'login' }),
    currentMemberId: async () => (await currentMember.getMember({ fieldsets: ['PUBLIC'] }))?._id,
    getMemberChat,
    startNewConversation,
    isBrowser: async () => (await rendering.env()) === 'browser',
    log: (event, detail) => console.warn(`[sitegpt-member-chat] ${event}`, detail),
  });
});
