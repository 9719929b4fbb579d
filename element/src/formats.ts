/**
 * The strict shapes of the IDs the element accepts. Anything else is refused before it can
 * reach a URL, a frame or the DOM.
 */

/** SiteGPT chatbot IDs: numeric strings (older bots) or UUIDs (newer bots). */
export const CHATBOT_ID = /^(?:\d{1,32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/**
 * Thread IDs are UUID-shaped. SiteGPT's own docs show one with a non-hex letter
 * ("…19797451f47g"), so the groups accept any ASCII letter or digit.
 */
export const THREAD_ID = /^[0-9a-z]{8}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{12}$/i;

/** Wix member IDs are GUIDs; the sandbox's are short slugs. ASCII only, so no unicode tricks. */
export const MEMBER_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** The `user:email` HMAC-SHA256 signature, as a hex digest. */
export const SIGNATURE = /^[0-9a-f]{64}$/i;

/** Backend error codes (`ErrorCode` in velo/backend/contract.ts, and any later ones), upper snake case. */
export const ERROR_CODE = /^[A-Z][A-Z0-9_]{0,39}$/;

/** A BCP 47 language tag such as `en`, `de-AT`. */
export const LANG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,3}$/;
