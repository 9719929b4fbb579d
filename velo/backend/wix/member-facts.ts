/**
 * What the site knows about the member for the typed context (architecture.md §9): the
 * language of the request, from @wix/essentials' `i18n.getLanguage()` (the site language the
 * member is browsing in; it throws where the host has none, which means "no language"). No plan
 * or tier: reading a member's Pricing Plans orders would need @wix/pricing-plans, which a site
 * may not have, and an import Wix cannot resolve breaks the whole backend file, so a site that
 * wants its tier in the context adds it here. `language` is injectable for tests.
 */
import { i18n } from '@wix/essentials';
import type { MemberFactsPort } from '../ports.js';

export function wixMemberFacts(language: () => string = () => i18n.getLanguage()): MemberFactsPort {
  return {
    async facts() {
      try {
        const value = language();
        return typeof value === 'string' && value !== '' ? { language: value } : {};
      } catch {
        return {};
      }
    },
  };
}
