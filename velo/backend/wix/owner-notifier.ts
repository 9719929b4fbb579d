/**
 * Notifications to the site owner (budget alerts; the handoff reuses it) through Velo's
 * `wix-crm-backend` `notifications.notify(body, channels, {recipients: {role: 'Owner'}})`: the
 * owner's dashboard and the Wix app. `wix-crm-backend` is a Velo module, not an npm package, so
 * it is loaded when first needed (the built file keeps `import('wix-crm-backend')` for Wix to
 * resolve) and injected, so tests give a fake. The body is cut to Wix's 512 characters.
 */
import { Failure } from '../runtime/failure.js';
import type { OwnerNotifier } from '../ports.js';

export interface VeloNotifications {
  notify(body: string, channels: string[], options?: { recipients?: { role?: 'Owner' | 'All_Contributors' } }): Promise<unknown>;
}

export function wixOwnerNotifier(load: () => Promise<{ notifications: VeloNotifications }>): OwnerNotifier {
  let loaded: Promise<VeloNotifications> | undefined;
  return {
    async notify(body) {
      loaded ??= load().then((module) => module.notifications);
      let notifications: VeloNotifications;
      try {
        notifications = await loaded;
      } catch {
        loaded = undefined;
        throw new Failure('MISCONFIGURED', 'notify-unavailable');
      }
      try {
        await notifications.notify(Array.from(body).slice(0, 512).join(''), ['Dashboard', 'Mobile'], { recipients: { role: 'Owner' } });
      } catch {
        throw new Failure('UPSTREAM_UNAVAILABLE', 'notify-failed');
      }
    },
  };
}
