/**
 * The web methods a Wix site installs (built to backend/sitegpt.web.js). Each is a line over
 * the core. None takes an argument: the member comes from the server session, so whatever a
 * page sends (a forged `{memberId}`, say) is never read.
 */
import { Permissions, webMethod } from '@wix/web-methods';
import { defaultConfig } from './config.js';
import { createMemberChat } from './threads/member-threads.core.js';
import { wixPorts } from './wix/ports.js';

// One core per backend container: its secret cache and its sharing of concurrent
// provisioning then serve every request that container handles.
const chat = createMemberChat(wixPorts(defaultConfig), defaultConfig);

export const getMemberChat = webMethod(Permissions.SiteMember, () => chat.getMemberChat());

export const startNewConversation = webMethod(Permissions.SiteMember, () => chat.startNewConversation());

export const forgetMyChat = webMethod(Permissions.SiteMember, () => chat.forgetMyChat());
