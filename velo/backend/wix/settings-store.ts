/**
 * The operator's settings item (architecture.md §9) from the Admin-only CMS collection
 * `SiteGptSettings`, through @wix/data with elevation (members cannot read the collection).
 * The collection holds ONE item, made in the CMS dashboard (which gives it an ID of its own, so
 * the kit does not ask for one): the oldest item counts, so a second one added by mistake never
 * swaps the settings. A missing collection is MISCONFIGURED (the guardrails then use the defaults).
 */
import { auth } from '@wix/essentials';
import { items } from '@wix/data';
import type { SettingsStore } from '../ports.js';
import { cmsCall } from './cms-call.js';
import { requireWixContext } from './sdk-errors.js';

export function wixSettingsStore(collection: string): SettingsStore {
  return {
    async read() {
      const oldest = requireWixContext(auth.elevate(items.query)(collection)).ascending('_createdDate').limit(1);
      const result = await cmsCall('settings-read', () => oldest.find());
      const item = result.items[0] as Record<string, unknown> | undefined;
      return item ?? null;
    },
  };
}
