/**
 * The site's backend events (built to backend/events.js): Wix calls these by name. A reply of
 * the site's team in Wix Inbox comes back into the member's chat (handoff/inbox-replies.ts),
 * only for a conversation the kit opened. Velo names the event `wixInboxV2_onMessageSentToParticipant`
 * (package wixInboxV2); Wix's own example names it `wixCrmInbox_onMessageSentToParticipant`, so
 * both names run the same handler, and a reply seen twice is still mirrored once. Backend
 * events do not fire in the editor's preview: test on the published site.
 */
import { createNotices } from './chat/notices.js';
import { defaultConfig } from './config.js';
import { mirrorInboxReply } from './handoff/inbox-replies.js';
import { instrument } from './runtime/instrument.js';
import { wixPorts } from './wix/ports.js';

const ports = wixPorts(defaultConfig);
const deps = { ports, config: defaultConfig, notices: createNotices(ports.realtime, defaultConfig) };

/** Never throws: an event Wix cannot deliver again is logged (one line, no text) and dropped. */
export async function wixInboxV2_onMessageSentToParticipant(event: unknown): Promise<void> {
  await instrument(ports, 'inboxReply', (trace) => mirrorInboxReply(deps, event, trace));
}

export const wixCrmInbox_onMessageSentToParticipant = wixInboxV2_onMessageSentToParticipant;
