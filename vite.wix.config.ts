/**
 * The files a Wix site needs, in the layout of a site's Git-integration repo (architecture.md
 * section 2): `npm run build` writes them to dist/wix/src, ready to copy into the repo's src/.
 *
 * One vite build per file, so no file shares a chunk with another: zod and our code are
 * bundled into each, and the only imports left are the ones Wix resolves itself.
 */
import { build, mergeConfig, type InlineConfig } from 'vite';
import elementConfig from './vite.config.js';

/** Imports Wix resolves on the site: its SDK packages, its Velo modules and the site's own files. */
export const WIX_IMPORT = /^(?:@wix\/[^/]|wix-[a-z]|backend\/|public\/)/;

/** Emitted file (under src/, without `.js`) → source. */
export const WIX_FILES = {
  'public/custom-elements/sitegpt-member-chat': 'element/src/sitegpt-member-chat.bundle.ts',
  'backend/sitegpt.web': 'velo/backend/sitegpt.web.ts',
  // Wix looks for this exact file: who may subscribe to the realtime notices (native mode).
  'backend/realtime-permissions': 'velo/backend/realtime-permissions.ts',
  'public/sitegpt-member-chat': 'velo/public/sitegpt-member-chat.ts',
  'pages/masterPage': 'velo/pages/masterPage.ts',
  // The admins' chat metrics (architecture.md §10): Admin web methods, the metrics element (its
  // own file, so the member element does not grow), its controller and the page code to paste.
  'backend/sitegpt-admin.web': 'velo/backend/sitegpt-admin.web.ts',
  'public/custom-elements/sitegpt-chat-metrics': 'element/src/metrics/sitegpt-chat-metrics.bundle.ts',
  'public/chat-metrics': 'velo/public/chat-metrics.ts',
  'pages/chatMetrics': 'velo/pages/chatMetrics.ts',
  // Wix looks for this exact file: backend events, here the team's replies in Wix Inbox (handoff).
  'backend/events': 'velo/backend/events.ts',
} as const;

export type WixFile = keyof typeof WIX_FILES;

function wixConfig(file: WixFile, outDir: string): InlineConfig {
  const output = { outDir, emptyOutDir: false, lib: { entry: WIX_FILES[file], fileName: () => `${file}.js` } };
  // The element: exactly the bundle of vite.config.ts (also dist/sitegpt-member-chat.js).
  if (file.startsWith('public/custom-elements/')) {
    return mergeConfig(elementConfig, { configFile: false, logLevel: 'warn', build: output });
  }
  // Site code: readable (a site owner may read or paste it), Wix's own imports left as they are.
  return {
    configFile: false,
    publicDir: false,
    logLevel: 'warn',
    build: {
      ...output,
      lib: { ...output.lib, formats: ['es'] },
      target: file.startsWith('backend/') ? 'node20' : 'es2021',
      minify: false,
      rolldownOptions: { external: (id: string) => WIX_IMPORT.test(id) },
    },
  };
}

/** Builds every file of the Wix site tree into `outDir` (the `src/` of a site repo). */
export async function buildWix(outDir: string): Promise<void> {
  for (const file of Object.keys(WIX_FILES) as WixFile[]) await build(wixConfig(file, outDir));
}
