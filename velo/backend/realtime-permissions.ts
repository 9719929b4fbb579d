/**
 * Who may subscribe to the kit's realtime notices (built to backend/realtime-permissions.js,
 * the file name Wix looks for: https://dev.wix.com/docs/velo/api-reference/wix-realtime-backend/realtime-check-permission).
 * Only a signed-in member, and only to the resource that is their own ID; and any signed-in
 * member to the site-wide `sitegpt-chat-service` channel (no resource), whose notices say only
 * that the operator changed the service mode. Every other channel and subscriber is refused: without this file Wix lets anyone read. A site that already
 * has a realtime-permissions.js must merge this rule into its own function.
 */
/**
 * The contract's REALTIME_CHANNEL, written out: importing contract/ would bundle zod into a
 * file that needs one string. realtime-permissions.test.ts checks the two agree.
 */
export const CHANNEL = 'sitegpt-member-chat';

/** The contract's SERVICE_CHANNEL, written out for the same reason: the operator's service-mode notices, site-wide. */
export const SERVICE_CHANNEL = 'sitegpt-chat-service';

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
  // The service channel is site-wide and content-free: any signed-in member, never a resource on it.
  if (channel?.name === SERVICE_CHANNEL) {
    return { read: subscriber?.type === 'Member' && typeof subscriber.id === 'string' && subscriber.id !== '' && (resourceId === undefined || resourceId === null) };
  }
  const read =
    channel?.name === CHANNEL &&
    subscriber?.type === 'Member' &&
    typeof resourceId === 'string' &&
    resourceId !== '' &&
    resourceId === subscriber.id;
  return { read };
}
