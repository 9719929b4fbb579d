/**
 * The web methods only a site's admins may call (built to backend/sitegpt-admin.web.js): Wix
 * checks `Permissions.Admin` before the method runs, so a member's or a visitor's call never
 * reaches the kit. They read every member's mirrored turns, through `auth.elevate`, since the
 * collection is Admin-only. Nothing here takes a member or a thread.
 */
import { Permissions, webMethod } from '@wix/web-methods';
import { createAdminKit } from './admin-kit.js';
import { defaultConfig } from './config.js';
import { consoleLog } from './wix/log.js';
import { wixTranscriptStore } from './wix/transcript-store.js';

const kit = createAdminKit(
  { transcript: wixTranscriptStore(defaultConfig.chat.messagesCollection), clock: { now: () => Date.now() }, log: consoleLog() },
  defaultConfig,
);

/** `{from, to}`: ms since the epoch or ISO 8601 dates, at most 92 days apart. */
export const getChatMetrics = webMethod(Permissions.Admin, (args: unknown) => kit.getChatMetrics(args));
