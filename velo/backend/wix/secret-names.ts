/**
 * The names of the site's secrets, from the Secrets Manager's `listSecretInfo` (elevated, as site
 * code needs for the Secrets Manager): presence only. Wix's answer also carries each secret's
 * value, encrypted; it is dropped here, at once, and only names go further.
 */
import { auth } from '@wix/essentials';
import { secrets } from '@wix/secrets';
import { Failure } from '../runtime/failure.js';
import type { SecretNamesPort } from '../setup/ports.js';
import { httpStatus, requireWixContext } from './sdk-errors.js';

export function wixSecretNames(): SecretNamesPort {
  return {
    async names() {
      let listed: { secrets?: Array<{ name?: string | null }> };
      try {
        listed = requireWixContext(await auth.elevate(secrets.listSecretInfo)());
      } catch (error) {
        if (error instanceof Failure) throw error;
        const status = httpStatus(error);
        if (status === 401 || status === 403) throw new Failure('MISCONFIGURED', 'secrets-forbidden');
        throw new Failure('UPSTREAM_UNAVAILABLE', 'secrets-error');
      }
      return (listed.secrets ?? []).flatMap((secret) => (typeof secret.name === 'string' ? [secret.name] : []));
    },
  };
}
