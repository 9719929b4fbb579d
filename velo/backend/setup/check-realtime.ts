/**
 * Is `backend/realtime-permissions.js` there, with the kit's rule? Site code can't ask Wix which
 * files a site has, so the check loads the site's own file (on Wix a dynamic import Wix resolves)
 * and runs its `realtime_check_permission` with test subscribers: a member must get their own
 * notices, and no other member or visitor may. Whether Wix itself calls the file is not visible
 * to site code; the row says so.
 */
import type { SetupCheck } from '../../../contract/setup.js';
import { CHANNEL, SERVICE_CHANNEL } from '../realtime-permissions.js';
import type { Deadline } from '../runtime/deadline.js';
import type { RealtimeRuleLoader } from './ports.js';
import { read, row, TRY_AGAIN } from './rows.js';

const TITLE = 'Realtime permissions (backend/realtime-permissions.js)';
const RULE_MS = 2_000;
/** Test IDs no member has; the channels are the kit's own rule's (bundled in, not the site's file). */
const ADA = { id: 'setup-check-member-a', type: 'Member' };
const BOB = { id: 'setup-check-member-b', type: 'Member' };
const VISITOR = { id: 'setup-check-visitor', type: 'Visitor' };

const INSTALL =
  "Copy backend/realtime-permissions.js from the kit's files into your site's backend (Git Integration: src/backend/; in the editor: Backend → Add file, named exactly realtime-permissions.js). If your site already has that file, add the kit's rule to its realtime_check_permission function instead of replacing it (install guide, step 6).";
const HONEST = 'The check ran the rule with test members; whether Wix applies it is not visible to site code.';

type Rule = (channel: unknown, subscriber: unknown) => unknown;

export async function realtimeRow(load: RealtimeRuleLoader, deadline: Deadline): Promise<SetupCheck> {
  const loaded = await read('realtime-rule', RULE_MS, deadline, load);
  if (!loaded.ok) {
    const late = loaded.failure.reason.endsWith('-timeout') || loaded.failure.reason.endsWith('-no-time');
    if (late) return row('realtime-permissions', 'unchecked', TITLE, 'Not checked: loading the file took too long.', TRY_AGAIN);
    return row(
      'realtime-permissions',
      'fail',
      TITLE,
      "The file could not be loaded: it is missing, or it has an error. Without it Wix lets anyone listen for when a member's chat changes (never what they write), and the chat's live updates aren't private.",
      INSTALL,
    );
  }
  const rule = (loaded.value as { realtime_check_permission?: unknown } | null)?.realtime_check_permission;
  if (typeof rule !== 'function') {
    return row('realtime-permissions', 'fail', TITLE, 'The file is there but exports no function realtime_check_permission.', INSTALL);
  }
  const ask = (channel: unknown, subscriber: unknown) =>
    read('realtime-rule', RULE_MS, deadline, async () => readFlag(await (rule as Rule)(channel, subscriber)));
  const [own, other, visitor, service] = await Promise.all([
    ask({ name: CHANNEL, resourceId: ADA.id }, ADA),
    ask({ name: CHANNEL, resourceId: ADA.id }, BOB),
    ask({ name: CHANNEL, resourceId: ADA.id }, VISITOR),
    ask({ name: SERVICE_CHANNEL }, ADA),
  ]);
  if (!own.ok || !other.ok || !visitor.ok || !service.ok) {
    return row('realtime-permissions', 'warn', TITLE, 'The file is there, but its rule failed or took too long for a test member.', INSTALL);
  }
  if (other.value || visitor.value) {
    return row(
      'realtime-permissions',
      'fail',
      TITLE,
      `The file's rule lets ${other.value ? 'a member' : 'a visitor'} listen to another member's chat notices. ${HONEST}`,
      `Use the kit's rule: a member may read the channel ${CHANNEL} only for the resource that is their own member ID. ${INSTALL}`,
    );
  }
  if (!own.value) {
    return row(
      'realtime-permissions',
      'fail',
      TITLE,
      `The file's rule refuses members their own chat notices, so the chat's own pane doesn't update live on a member's other devices (it checks every 30 seconds instead). ${HONEST}`,
      `Let a member read the channel ${CHANNEL} for the resource that is their own member ID. ${INSTALL}`,
    );
  }
  if (!service.value) {
    return row(
      'realtime-permissions',
      'warn',
      TITLE,
      `The file's rule refuses members the channel ${SERVICE_CHANNEL}, so pages learn that you closed or reopened the chat only within 5 minutes instead of at once. ${HONEST}`,
      `Let any signed-in member read the channel ${SERVICE_CHANNEL} (it has no resource and says only that the settings' mode changed). ${INSTALL}`,
    );
  }
  return row('realtime-permissions', 'pass', TITLE, `Present: each member gets only their own chat notices. ${HONEST}`);
}

/** Wix's answer shape `{read: boolean}`; anything else counts as "no". */
function readFlag(answer: unknown): boolean {
  return typeof answer === 'object' && answer !== null && (answer as { read?: unknown }).read === true;
}
