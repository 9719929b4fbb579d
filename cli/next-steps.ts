/**
 * What a site owner does after the files are on the site: the secrets, the collections and the
 * packages. Names come from the backend's own config and the packages from the files' own
 * imports, so this text cannot drift from what the code reads.
 */
import { defaultConfig } from '../velo/backend/config.js';

/** `import … from '@wix/x'`, `export … from '@wix/x'`, `import '@wix/x'` and `import('@wix/x')`. */
const WIX_PACKAGE = /(?:\bfrom\s*|\bimport\s*\(?\s*)["'](@wix\/[a-z0-9-]+)["']/g;

/** Every `@wix/*` package the files import, sorted: each must be installed on the site. */
export function wixPackages(sources: Iterable<string>): string[] {
  const found = new Set<string>();
  for (const source of sources) for (const match of source.matchAll(WIX_PACKAGE)) found.add(match[1]!);
  return [...found].sort();
}

/**
 * The element of this version on a package CDN, for a Custom Element's "Server URL": npm keeps
 * every published version, and dist/sitegpt-member-chat.js is one self-contained file.
 */
function elementCdnUrl(version: string): string {
  return `https://cdn.jsdelivr.net/npm/sitegpt-member-chat@${version}/dist/sitegpt-member-chat.js`;
}

/** Where the install guide of this version can be read once the package is published. */
function guideUrl(version: string): string {
  return `https://cdn.jsdelivr.net/npm/sitegpt-member-chat@${version}/docs/install-on-wix.md`;
}

const { secretNames, collection, chat, guardrails } = defaultConfig;

/** The steps after copying, as plain lines (no colours: they go into a text file too). */
export function nextSteps(version: string, packages: readonly string[]): string[] {
  return [
    '1. Secrets (Developer Tools > Secrets Manager > Add Secret), names exactly as shown:',
    `   ${secretNames.apiKey}      your SiteGPT account API key (required)`,
    `   ${secretNames.chatbotId}   your chatbot's ID (required)`,
    `   ${secretNames.threadSecret}, ${secretNames.v2Token}, ${secretNames.openaiApiKey}: optional, see the install guide`,
    '2. CMS collections, each with read, create, update and delete set to Admin (fields in the install guide):',
    `   ${collection}   required`,
    `   ${chat.messagesCollection}        native mode, automatic replies, handoff and metrics`,
    `   ${guardrails.settingsCollection}        optional: change the chat's settings without publishing`,
    '3. Packages: in the site repository run each line below (in the editor: Packages & Apps > npm > Install):',
    ...packages.map((name) => `   wix install ${name}`),
    '4. Add the custom element (tag sitegpt-member-chat, ID memberChat, attribute chatbot-id).',
    '   Its source: the Velo file public/custom-elements/sitegpt-member-chat.js, or this Server URL:',
    `   ${elementCdnUrl(version)}`,
    '5. Publish. The setup check, on a page only your admins see (install guide, step 8), says',
    '   whether each step above is right and how to fix what is not.',
    '6. Test as a member on the live site, not in Preview.',
    `The install guide, every step with the menus of Wix Studio and Wix Editor: docs/install-on-wix.md`,
    `in the sitegpt-member-chat package, ${guideUrl(version)}`,
  ];
}
