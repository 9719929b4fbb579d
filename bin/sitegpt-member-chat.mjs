#!/usr/bin/env node
// `npx sitegpt-member-chat wix-install <site-repo>`: the command's code is dist/cli.js, built
// from cli/ by `npm run build` (plain JavaScript: nothing is compiled when it runs).
import { fileURLToPath } from 'node:url';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));
let cli;
try {
  cli = await import('../dist/cli.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('cli.js')) throw error;
  process.stderr.write('dist/cli.js is missing. In a clone of sitegpt-member-chat, run npm run build first.\n');
  process.exit(1);
}
process.exitCode = await cli.run(process.argv.slice(2), cli.processIo(), packageRoot);
