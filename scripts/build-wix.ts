// `npm run build`, second step: the site tree dist/wix/src (see vite.wix.config.ts).
import { rm } from 'node:fs/promises';
import { buildWix } from '../vite.wix.config.js';

const outDir = 'dist/wix/src';
await rm('dist/wix', { recursive: true, force: true });
await buildWix(outDir);
console.log(`Wix site files in ${outDir}/ (copy into your site repo's src/, see docs/install-on-wix.md)`);
