/**
 * A call through a Wix-side port (members, secrets, CMS), capped by `wixCallMs` and by the
 * overall deadline. Wix SDK calls cannot be cancelled, so a slow one is simply no longer
 * waited for. Errors the adapters did not classify become INTERNAL, labelled by `label`.
 */
import type { BackendConfig } from '../config.js';
import { withTimeout, type Deadline } from './deadline.js';
import { Failure } from './failure.js';

export async function portCall<T>(
  label: string,
  deadline: Deadline,
  config: BackendConfig,
  work: () => Promise<T>,
): Promise<T> {
  const ms = deadline.allow(config.timeouts.wixCallMs);
  try {
    return await withTimeout(ms, () => new Failure('UPSTREAM_UNAVAILABLE', `${label}-timeout`), work);
  } catch (error) {
    if (error instanceof Failure) throw error;
    throw new Failure('INTERNAL', `${label}-error`);
  }
}
