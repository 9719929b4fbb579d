/**
 * The web methods a Wix site installs (built to backend/sitegpt.web.js), each a line over the
 * kit and open to site members only. None takes a member or a thread: the member comes from
 * the server session and the thread from their row. Arguments are checked inside the kit
 * (strict: an unknown key such as a forged `memberId` is INVALID_INPUT), since Wix hands a
 * method whatever the page sent.
 */
import { Permissions, webMethod } from '@wix/web-methods';
import { defaultConfig } from './config.js';
import { createKit } from './kit.js';
import { wixPorts } from './wix/ports.js';

// One kit per backend container: its secret cache and its sharing of concurrent work
// (provisioning, one turn's send) then serve every request that container handles. Velo's
// notifications module is not on npm: Wix resolves this import when a budget alert is sent.
const kit = createKit(
  wixPorts(defaultConfig, () => import('wix-crm-backend')),
  defaultConfig,
);

export const getMemberChat = webMethod(Permissions.SiteMember, (args?: unknown) => kit.getMemberChat(args));

export const startNewConversation = webMethod(Permissions.SiteMember, () => kit.startNewConversation());

export const forgetMyChat = webMethod(Permissions.SiteMember, () => kit.forgetMyChat());

export const sendChatMessage = webMethod(Permissions.SiteMember, (args: unknown) => kit.sendChatMessage(args));

export const getChatMessages = webMethod(Permissions.SiteMember, (args: unknown) => kit.getChatMessages(args));

export const rateAnswer = webMethod(Permissions.SiteMember, (args: unknown) => kit.rateAnswer(args));

// No argument: every argument the page sends is passed on, so a forged one is INVALID_INPUT.
export const requestHuman = webMethod(Permissions.SiteMember, (...args: unknown[]) => kit.requestHuman(...args));
