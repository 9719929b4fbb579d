/**
 * The typed context (architecture.md §9): a few facts about the member and where they are,
 * built on the server only, from what the site holds (the member's language, a plan or tier
 * where the site has one) and the page path page code passes (checked here again). No free
 * text from the page or the member gets in: every fact must match a narrow pattern or is
 * dropped, and the whole is at most 300 characters. It becomes the script widget's `set
 * context` [prefix, suffix] through getMemberChat, and the context of a completion provider
 * that takes one. It is never pasted into SiteGPT REST messages: that would put it into the
 * transcript the site's agents read, and widen what a question can smuggle.
 */
import type { MemberFacts } from './ports.js';

/** The wire's bound on each half (MemberChatSchema), and the kit's on the whole. */
export const MAX_CONTEXT_CHARS = 300;

/** `/`, then segments of unreserved URL characters; no `.` or `..` segment; at most 200 characters. */
const PATH = /^\/(?:[A-Za-z0-9._~-]+(?:\/[A-Za-z0-9._~-]+)*\/?)?$/;
const LANGUAGE = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8}){0,3}$/;
const TIER = /^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,39}$/u;

export interface TypedContext {
  language?: string;
  tier?: string;
  path?: string;
  /** For the script widget's `set context`: the facts as one line before the question, nothing after. */
  widget: [prefix: string, suffix: string];
}

/** The page path as page code passed it, or undefined when it is not a plain site path. */
export function sitePath(path: string | undefined): string | undefined {
  if (path === undefined || path.length > 200 || !PATH.test(path)) return undefined;
  return path.split('/').some((segment) => segment === '.' || segment === '..') ? undefined : path;
}

/** The context of what is known, or undefined when nothing is. */
export function buildContext(facts: MemberFacts, path: string | undefined): TypedContext | undefined {
  const language = facts.language !== undefined && LANGUAGE.test(facts.language) ? facts.language : undefined;
  const tier = facts.tier !== undefined && TIER.test(facts.tier.trim()) ? facts.tier.trim() : undefined;
  let page = sitePath(path);
  const line = () => {
    const parts = [language && `language ${language}`, tier && `plan ${tier}`, page && `page ${page}`].filter(Boolean);
    return parts.length === 0 ? '' : `[Member context from the site: ${parts.join('; ')}]\n`;
  };
  // The path is the longest fact: it goes first when the whole would be too long.
  if (line().length > MAX_CONTEXT_CHARS) page = undefined;
  const prefix = line();
  if (prefix === '') return undefined;
  return {
    ...(language ? { language } : {}),
    ...(tier ? { tier } : {}),
    ...(page ? { path: page } : {}),
    widget: [prefix, ''],
  };
}
