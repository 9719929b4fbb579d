/**
 * The web methods only a site's admins may call (built to backend/sitegpt-admin.web.js): Wix
 * checks `Permissions.Admin` before the method runs, so a member's or a visitor's call never
 * reaches the kit. They read every member's mirrored turns, through `auth.elevate`, since the
 * collection is Admin-only, and the site's set-up (never a secret's value). Nothing here takes a
 * member or a thread.
 */
import { Permissions, webMethod } from '@wix/web-methods';
import { createAdminKit } from './admin-kit.js';
import { defaultConfig } from './config.js';
import { consoleLog } from './wix/log.js';
import { wixSetupPorts } from './wix/setup-ports.js';
import { wixTranscriptStore } from './wix/transcript-store.js';

const kit = createAdminKit(
  {
    transcript: wixTranscriptStore(defaultConfig.chat.messagesCollection),
    clock: { now: () => Date.now() },
    log: consoleLog(),
    // The site's own file, loaded only when the setup check runs: a site without it still loads
    // this file, and the check says the file is missing (UNCONFIRMED: that Wix resolves this
    // import as it resolves wix-crm-backend's in sitegpt.web.ts).
    setup: wixSetupPorts(defaultConfig, () => import('backend/realtime-permissions')),
  },
  defaultConfig,
);

/** `{from, to}`: ms since the epoch or ISO 8601 dates, at most 92 days apart. */
export const getChatMetrics = webMethod(Permissions.Admin, (args: unknown) => kit.getChatMetrics(args));

/** No argument. Every requirement of the install guide with pass / warn / fail / unchecked and the fix in words. */
export const checkSetup = webMethod(Permissions.Admin, (...args: unknown[]) => kit.checkSetup(...args));
