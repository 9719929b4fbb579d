// What a user's clone of the project can read: its docs link only to files it contains, no
// file points at notes outside the repository, it says under which licence it comes, and the
// element's size is one figure with one definition (gzip -9 of the emitted file).
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, it } from 'node:test';
import elementConfig from '../../vite.config.js';

const ROOT = process.cwd();
const SKIP = new Set(['node_modules', 'dist', '.git', 'test-output', '.sandbox', 'coverage']);
const TEXT = /\.(?:ts|mjs|js|md|html|css|json)$/;

function files(dir = ROOT): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...files(path));
    else if (TEXT.test(entry.name) && entry.name !== 'package-lock.json') found.push(path);
  }
  return found;
}

describe('docs a user can follow', () => {
  it('no file points at notes the repository does not contain', () => {
    const outside = /\.\.\/shared|\bdesign\.md\b|\breference\/[a-z-]+\.md\b/;
    const offenders = files()
      .filter((file) => file !== join(ROOT, 'test/velo/docs.test.ts'))
      .flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .map((line, i) => [line, i] as const)
          .filter(([line]) => outside.test(line))
          .map(([line, i]) => `${relative(ROOT, file)}:${i + 1}: ${line.trim()}`),
      );
    assert.deepEqual(offenders, []);
  });

  it('every relative link in the README and docs/ points at a file that exists', () => {
    const pages = [join(ROOT, 'README.md'), ...files(join(ROOT, 'docs')).filter((f) => f.endsWith('.md'))];
    const broken: string[] = [];
    for (const page of pages) {
      for (const [, target] of readFileSync(page, 'utf8').matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^(?:https?:|mailto:|#)/.test(target!)) continue;
        const path = join(dirname(page), decodeURIComponent(target!.split('#')[0]!));
        if (!existsSync(path)) broken.push(`${relative(ROOT, page)} → ${target}`);
      }
    }
    assert.deepEqual(broken, []);
  });

  it('carries an MIT licence', () => {
    assert.ok(statSync(join(ROOT, 'LICENSE')).isFile());
    assert.match(readFileSync(join(ROOT, 'LICENSE'), 'utf8'), /^MIT License/);
  });

  it('the element size has one definition: the build prints no second (gzip) figure, the README quotes gzip -9', () => {
    assert.equal(elementConfig.build?.reportCompressedSize, false, 'vite would print its own gzip figure');
    assert.match(readFileSync(join(ROOT, 'README.md'), 'utf8'), /gzip -9 of `dist\/sitegpt-member-chat\.js`/);
  });
});
