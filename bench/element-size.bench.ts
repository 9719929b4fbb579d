/**
 * Size of the element bundle Wix loads: raw and gzipped bytes of dist/sitegpt-member-chat.js,
 * against the first wave's 8 KB gzip target and native mode's 22 KB (issue 9: the bundle with
 * the pane), with the floors of its two libraries built alone so the figure can be read: what
 * lit costs, what zod costs, and what is ours.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const TARGETS = [
  { kb: 8, what: 'first wave, widget mode' },
  { kb: 22, what: 'issue 9, with the native pane' },
];

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
  // The wire contract the element checks `messages` with (contract/turns.ts): zod's number,
  // integer, array, enum and nullable pieces on top of the smallest zod.
  const page = await buildAlone(
    'page-floor',
    `import {ChatPageSchema} from ${JSON.stringify(resolve('contract/turns.ts'))};console.log(ChatPageSchema.safeParse({}));`,
    dir
  );
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  // The one figure of record (README "Bundle size"): gzip -9 of the emitted file, 1 KB = 1024 bytes.
  console.log(`element bundle: ${kb(bundle.gzip)} (gzip -9 of dist/sitegpt-member-chat.js, ${bundle.gzip} bytes; ${bundle.raw} bytes raw)`);
  for (const { kb: target, what } of TARGETS) {
    const bytes = target * 1024;
    const verdict = bundle.gzip <= bytes ? 'met' : `missed by ${kb(bundle.gzip - bytes)}`;
    console.log(`  target   ${kb(bytes)} (${what}): ${verdict}`);
  }
  console.log('floors, each library alone with the least it can do (gzip -9):');
  console.log(`  lit      ${lit.gzip} bytes (${kb(lit.gzip)})`);
  console.log(`  zod/mini ${zod.gzip} bytes (${kb(zod.gzip)})`);
  console.log(`  zod/mini with the contract's ChatPageSchema ${page.gzip} bytes (+${page.gzip - zod.gzip} for the schema)`);
  console.log(`  ours     ~${bundle.gzip - lit.gzip - page.gzip} bytes (what is left)`);
  console.log('for comparison: the deep-chat web component is about 110 KB gzipped');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
