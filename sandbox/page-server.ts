/**
 * Vite in middleware mode, serving the member page from sandbox/page so the real element and
 * page code run from their TypeScript sources. It serves the page's sources and what they
 * import, nothing else: `fs.allow` names only those folders, and `fs.deny` keeps the data
 * folder (the key that signs every member's cookie, the thread database) out in any URL form,
 * even when it lies inside an allowed folder.
 */
import { join } from 'node:path';
import { createServer, type Plugin, type ViteDevServer } from 'vite';

/**
 * What the page imports, relative to the repository. A page module that starts importing from
 * another folder gets a 403 until that folder is added here (file-serving.test.ts says which).
 */
const PAGE_SOURCES = ['sandbox/page', 'element/src', 'velo/public', 'contract', 'node_modules'];
/** Vite's own default deny list, which setting `fs.deny` replaces. */
const VITE_DEFAULT_DENY = ['.env', '.env.*', '*.{crt,pem}', '**/.git/**'];
/** The data folder's files by name, wherever the folder is, and the default folder itself. */
const DATA_DENY = ['**/.sandbox', '**/.sandbox/**', '**/session-secret', '**/*.sqlite', '**/*.sqlite.tmp'];

export async function createPageServer(options: { repo: string; dataDir: string; quiet?: boolean }): Promise<ViteDevServer> {
  const dataDir = globEscape(options.dataDir.replace(/\\/g, '/').replace(/\/$/, ''));
  return createServer({
    configFile: false,
    root: join(options.repo, 'sandbox/page'),
    cacheDir: join(options.dataDir, 'vite-cache'),
    appType: 'mpa',
    logLevel: options.quiet ? 'silent' : 'warn',
    publicDir: false,
    // The lit that ships in the bundle (production), not its dev build, which warns in the console.
    resolve: { conditions: ['module', 'browser', 'production'] },
    plugins: [withoutViteClient()],
    server: {
      middlewareMode: true,
      hmr: false,
      ws: false,
      fs: {
        strict: true,
        allow: PAGE_SOURCES.map((path) => join(options.repo, path)),
        deny: [...VITE_DEFAULT_DENY, ...DATA_DENY, dataDir, `${dataDir}/**`],
      },
    },
    optimizeDeps: { noDiscovery: true, include: [] },
  });
}

/**
 * The page has no hot reload (the server has no websocket), so Vite's client script would
 * only fail to connect and fill the console with errors: it is not put on the page.
 */
function withoutViteClient(): Plugin {
  return {
    name: 'sandbox:without-vite-client',
    apply: 'serve',
    transformIndexHtml: {
      order: 'post',
      handler: (html) => html.replace(/<script type="module" src="[^"]*\/@vite\/client"><\/script>\s*/g, ''),
    },
  };
}

/** A path as a literal glob: the data folder may be named with glob characters. */
function globEscape(path: string): string {
  return path.replace(/[*?[\]{}()!+@]/g, '\\$&');
}
