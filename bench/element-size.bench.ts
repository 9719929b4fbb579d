/**
 * Size of the element bundle Wix loads: raw and gzipped bytes of dist/sitegpt-member-chat.js,
 * against the 8 KB gzip target, with the floors of its two libraries built alone so the
 * figure can be read: what lit costs, what zod costs, and what is ours.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const TARGET_GZIP = 8 * 1024;

function sizes(file: string): { raw: number; gzip: number } {
  const bytes = readFileSync(file);
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

async function buildAlone(name: string, source: string, dir: string): Promise<{ raw: number; gzip: number }> {
  const entry = join(dir, `${name}.js`);
  writeFileSync(entry, source);
  await build({
    configFile: false,
    logLevel: 'silent',
    root: process.cwd(),
    build: {
      lib: { entry, formats: ['es'], fileName: () => `${name}.out.js` },
      outDir: dir,
      emptyOutDir: false,
      target: 'es2021',
      rolldownOptions: { output: { minify: true } },
    },
  });
  return sizes(join(dir, `${name}.out.js`));
}

await build({ logLevel: 'silent' });
const bundle = sizes('dist/sitegpt-member-chat.js');
// Inside the project, so the floors resolve lit and zod from its node_modules.
mkdirSync('node_modules/.cache', { recursive: true });
const dir = mkdtempSync(join('node_modules/.cache', 'size-bench-'));
try {
  const lit = await buildAlone(
    'lit-floor',
    "import {LitElement,html,css} from 'lit';class X extends LitElement{static styles=css`:host{display:block}`;render(){return html`<p>${1}</p>`}}customElements.define('x-floor',X);",
    dir
  );
  const zod = await buildAlone(
    'zod-floor',
    "import * as z from 'zod/mini';console.log(z.object({a:z.optional(z.string().check(z.regex(/^a$/),z.maxLength(9),z.refine(Boolean)))}).safeParse({}));",
    dir
  );
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  // The one figure of record (README "Bundle size"): gzip -9 of the emitted file, 1 KB = 1024 bytes.
  console.log(`element bundle: ${kb(bundle.gzip)} (gzip -9 of dist/sitegpt-member-chat.js, ${bundle.gzip} bytes; ${bundle.raw} bytes raw)`);
  console.log(`  target   ${kb(TARGET_GZIP)}: ${bundle.gzip <= TARGET_GZIP ? 'met' : `missed by ${kb(bundle.gzip - TARGET_GZIP)}`}`);
  console.log('floors, each library alone with the least it can do (gzip -9):');
  console.log(`  lit      ${lit.gzip} bytes (${kb(lit.gzip)})`);
  console.log(`  zod/mini ${zod.gzip} bytes (${kb(zod.gzip)})`);
  console.log(`  ours     ~${bundle.gzip - lit.gzip - zod.gzip} bytes (what is left)`);
  console.log('for comparison: the deep-chat web component is about 110 KB gzipped');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
