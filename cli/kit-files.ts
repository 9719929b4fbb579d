/**
 * What each file of the kit's Wix tree (dist/wix/src) is, where it goes on a site and why, in a
 * site owner's words. One table for both ready-made forms: the zip's WHAT-GOES-WHERE.txt and
 * the `wix-install` command's report. A file the build emits but this table does not describe
 * is still shipped (with a generic line), and a test fails until it is described.
 */
export interface KitFile {
  /** Path inside the kit's tree, which is also its path under a site repo's `src/`. */
  path: string;
  /** Where it goes, as the Wix editor's code panel names it. */
  where: string;
  /** Why the site needs it, and what to do when the site has its own file there. */
  why: string;
  /**
   * `site`: a file of its own under `src/`, written by `wix-install`. `page-code`: lines to paste
   * into a page's own code, since Wix names page files after the page (`<Page>.<id>.js`): it is
   * never written under `src/pages/`, only set aside for the owner.
   */
  kind: 'site' | 'page-code';
  /** Needed only for an optional feature (named here), not for the chat itself. */
  optional?: string;
}

const KIT_FILES: readonly KitFile[] = [
  {
    path: 'backend/sitegpt.web.js',
    where: 'Backend, a file named sitegpt.web.js',
    why: "The chat's server side (web methods). It finds the logged-in member's conversation, creates it at SiteGPT the first time, and sends and stores messages. It reads your SiteGPT key from the Secrets Manager, so the key never reaches a browser.",
    kind: 'site',
  },
  {
    path: 'backend/realtime-permissions.js',
    where: 'Backend, a file named exactly realtime-permissions.js',
    why: "Lets each member receive the live updates of their own chat only (native mode). If your site already has this file, keep yours and add the kit's rules to its realtime_check_permission function.",
    kind: 'site',
  },
  {
    path: 'backend/sitegpt-admin.web.js',
    where: 'Backend, a file named sitegpt-admin.web.js',
    why: 'For your admins only (Wix lets nobody else call it): the setup check (checkSetup), which tells you whether every step of the install is right, and the chat metrics (getChatMetrics).',
    kind: 'site',
  },
  {
    path: 'public/sitegpt-member-chat.js',
    where: 'Public, a file named sitegpt-member-chat.js',
    why: 'The page-side code that connects the chat element with the backend. masterPage.js imports it.',
    kind: 'site',
  },
  {
    path: 'public/custom-elements/sitegpt-member-chat.js',
    where: 'Public, a folder custom-elements, and in it a file named sitegpt-member-chat.js',
    why: 'The chat element itself: pick it as the Custom Element\'s source ("Velo file"). Not needed if the element loads from a Server URL instead.',
    kind: 'site',
  },
  {
    path: 'public/chat-metrics.js',
    where: 'Public, a file named chat-metrics.js',
    why: "The page-side code of the admins' page: the setup check and the chat metrics.",
    kind: 'site',
  },
  {
    path: 'public/custom-elements/sitegpt-chat-metrics.js',
    where: 'Public, in the folder custom-elements, a file named sitegpt-chat-metrics.js',
    why: "The elements of the admins' page, both in this one file: the setup check (tag sitegpt-setup-check) and the chat metrics (tag sitegpt-chat-metrics). Put them on a page only your admins see.",
    kind: 'site',
  },
  {
    path: 'pages/masterPage.js',
    where: 'Page Code, Global (masterPage.js)',
    why: "Connects the chat element with the ID memberChat to the member's login and to the backend, on every page. If your masterPage.js already has code, keep it and add the kit's import lines and its $w.onReady block. For the chat on one page only, put these lines into that page's code instead.",
    kind: 'site',
  },
  {
    path: 'pages/chatMetrics.js',
    where: "Page Code, the code of the admins' page that shows the setup check and the metrics (a page of your own, for admins only)",
    why: "Connects the setup check element (ID setupCheck) and the metrics element (ID chatMetrics) with the backend. Wix names a page's code file after the page, so paste these lines into that page's code; it is not a file of its own.",
    kind: 'page-code',
  },
  {
    path: 'backend/events.js',
    where: 'Backend, a file named exactly events.js',
    why: "Brings your team's replies in Wix Inbox back into the member's chat (handoff to a person). If your site already has this file, keep yours and add the kit's two exported functions to it.",
    kind: 'site',
    optional: 'the handoff to a person',
  },
];

/** The tree's paths in the table's order (the chat first, optional parts last), undescribed ones at the end. */
export function inKitOrder(paths: Iterable<string>): string[] {
  const rank = (path: string) => {
    const i = KIT_FILES.findIndex((file) => file.path === path);
    return i < 0 ? KIT_FILES.length : i;
  };
  return [...paths].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** The table's entry for a file of the tree, or a generic one for a file it does not describe yet. */
export function describe(path: string): KitFile {
  return (
    KIT_FILES.find((file) => file.path === path) ?? {
      path,
      where: path.startsWith('pages/') ? 'Page Code' : path.split('/')[0] === 'backend' ? 'Backend' : 'Public',
      why: 'A file of the kit.',
      kind: path.startsWith('pages/') && path !== 'pages/masterPage.js' ? 'page-code' : 'site',
    }
  );
}
