/**
 * One @wix/data call, with Wix's error codes turned into Failures the core understands
 * (https://dev.wix.com/docs/sdk/backend-modules/data/error-codes): a taken `_id` is a
 * Duplicate (the insert lock lost), a timeout or 5xx is UPSTREAM_UNAVAILABLE, a missing
 * collection or permission is the site's set-up.
 */
import { Failure } from '../runtime/failure.js';
import { httpStatus, requireWixContext, wixErrorCode } from './sdk-errors.js';

/** An insert found its `_id` taken: another call (device, container) got there first. */
export class Duplicate extends Error {}

/**
 * WDE0025, the site has no such collection: the set-up failure every caller sees, kept apart so
 * a caller for whom a missing collection means "nothing there" (forgetting a member in widget
 * mode, which may skip SiteGptMessages) can tell it from a refusal.
 */
export class MissingCollection extends Failure {
  constructor(label: string) {
    super('MISCONFIGURED', `${label}-setup`);
  }
}

export async function cmsCall<T>(label: string, work: () => Promise<T>): Promise<Exclude<T, (...args: never[]) => unknown>> {
  let result: T;
  try {
    result = await work();
  } catch (error) {
    const code = wixErrorCode(error);
    const status = httpStatus(error);
    if (code === 'WDE0074' || code === 'WDE0123' || status === 409) throw new Duplicate();
    if (code === 'WDE0028' || status === 504) throw new Failure('UPSTREAM_UNAVAILABLE', `${label}-timeout`);
    // No permission, or no such collection: the site has not been set up as the README says.
    if (code === 'WDE0025') throw new MissingCollection(label);
    if (code === 'WDE0027' || status === 403) {
      throw new Failure('MISCONFIGURED', `${label}-setup`);
    }
    if (code === 'WDE0073' || status === 404) throw new Failure('INTERNAL', `${label}-gone`);
    if (status !== undefined && status >= 500) throw new Failure('UPSTREAM_UNAVAILABLE', `${label}-unavailable`);
    throw new Failure('INTERNAL', `${label}-refused`);
  }
  return requireWixContext(result);
}

/** An insert keyed by its `_id`: whoever gets there first wins, everyone else hears "duplicate". */
export async function insertOnce(label: string, insert: () => Promise<unknown>): Promise<'inserted' | 'duplicate'> {
  try {
    await cmsCall(label, insert);
    return 'inserted';
  } catch (error) {
    if (error instanceof Duplicate) return 'duplicate';
    throw error;
  }
}
