/**
 * dist/cli.js, the code of the `sitegpt-member-chat` command (cli/main.ts): one ES module for
 * Node 20 with jsdiff bundled, so running the command needs no TypeScript and installs no
 * dependency. Node's own modules stay imports.
 */
import { build } from 'vite';

export async function buildCli(outDir: string): Promise<void> {
  await build({
    configFile: false,
    publicDir: false,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: false,
      target: 'node20',
      minify: false,
      ssr: 'cli/main.ts',
      rolldownOptions: { output: { entryFileNames: 'cli.js', format: 'es' } },
    },
    // Bundle every package (jsdiff) instead of leaving it to node_modules, which npx does not fill.
    ssr: { noExternal: true, target: 'node' },
  });
}
