/**
 * The member of the current server session, through @wix/members. Deliberately not elevated:
 * elevation would swap the session's identity for the site's, and the whole point is to know
 * who is calling. Signed-out answers (empty member, or a 401/403/404) all mean "no member".
 */
import { members } from '@wix/members';
import { Failure } from '../runtime/failure.js';
import type { MembersPort } from '../ports.js';
import { httpStatus, requireWixContext } from './sdk-errors.js';

export function wixMembers(): MembersPort {
  return {
    async current() {
      let response;
      try {
        // EXTENDED is the smallest field set that includes loginEmail.
        response = requireWixContext(await members.getCurrentMember({ fieldsets: ['EXTENDED'] }));
      } catch (error) {
        if (error instanceof Failure) throw error;
        const status = httpStatus(error);
        if (status === 401 || status === 403 || status === 404) return null;
        throw new Failure('UPSTREAM_UNAVAILABLE', 'members-error');
      }
      const id = response.member?._id;
      if (!id) return null;
      const loginEmail = response.member?.loginEmail;
      return loginEmail ? { id, loginEmail } : { id };
    },
  };
}
