/**
 * Realtime notices through @wix/realtime: channel `sitegpt-member-chat`, resource = the
 * member's ID, so only that member's devices get them (backend/realtime-permissions.js admits
 * no one else); the operator's service-mode changes on `sitegpt-chat-service`, for every member. Publishing needs the site's rights, hence the elevation; the notice carries no
 * message text (architecture.md §8.5).
 */
import { auth } from '@wix/essentials';
import { publisher } from '@wix/realtime';
import { REALTIME_CHANNEL, SERVICE_CHANNEL } from '../../../contract/index.js';
import type { RealtimePort } from '../ports.js';
import { requireWixContext } from './sdk-errors.js';

export function wixRealtime(): RealtimePort {
  return {
    async publish(memberId, notice) {
      requireWixContext(await auth.elevate(publisher.publish)({ name: REALTIME_CHANNEL, resourceId: memberId }, { ...notice }));
    },
    // The site-wide channel of `service` notices: no resource, every member may read it.
    async publishService(notice) {
      requireWixContext(await auth.elevate(publisher.publish)({ name: SERVICE_CHANNEL }, { ...notice }));
    },
  };
}
