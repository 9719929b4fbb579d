/**
 * Who may subscribe to the kit's realtime notices (built to backend/realtime-permissions.js,
 * the file name Wix looks for: https://dev.wix.com/docs/velo/api-reference/wix-realtime-backend/realtime-check-permission).
 * Only a signed-in member, and only to the resource that is their own ID. Every other channel
 * and subscriber is refused: without this file Wix lets anyone read. A site that already
 * has a realtime-permissions.js must merge this rule into its own function.
 */
/**
 * The contract's REALTIME_CHANNEL, written out: importing contract/ would bundle zod into a
 * file that needs one string. realtime-permissions.test.ts checks the two agree.
 */
export const CHANNEL = 'sitegpt-member-chat';

interface Channel {
  name?: unknown;
  resourceId?: unknown;
}

interface Subscriber {
  id?: unknown;
  type?: unknown;
}

export function realtime_check_permission(channel: Channel | null | undefined, subscriber: Subscriber | null | undefined): { read: boolean } {
  const resourceId = channel?.resourceId;
  const read =
    channel?.name === CHANNEL &&
    subscriber?.type === 'Member' &&
    typeof resourceId === 'string' &&
    resourceId !== '' &&
    resourceId === subscriber.id;
  return { read };
}
