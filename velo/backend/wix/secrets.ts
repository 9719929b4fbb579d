/**
 * Secret values from the Wix Secrets Manager, read with elevation as the SDK docs require for
 * site code. `getSecretValue` answers `{value?}`; a secret that does not exist (404, or no
 * value) is undefined so the core can say which one is missing.
 */
import { auth } from '@wix/essentials';
import { secrets } from '@wix/secrets';
import { Failure } from '../runtime/failure.js';
import type { SecretsPort } from '../ports.js';
import { httpStatus, requireWixContext } from './sdk-errors.js';

export function wixSecrets(): SecretsPort {
  return {
    async get(name) {
      try {
        const response = requireWixContext(await auth.elevate(secrets.getSecretValue)(name));
        return response.value || undefined;
      } catch (error) {
        if (error instanceof Failure) throw error;
        const status = httpStatus(error);
        if (status === 404) return undefined;
        if (status === 401 || status === 403) throw new Failure('MISCONFIGURED', 'secrets-forbidden');
        throw new Failure('UPSTREAM_UNAVAILABLE', 'secrets-error');
      }
    },
  };
}
