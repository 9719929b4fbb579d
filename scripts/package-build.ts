/**
 * Everything `npm run build` writes, into one folder (dist/, or a test's own), in the order
 * that works: the member element first (its build empties the folder), the metrics element,
 * the Wix site tree and its zip, the command's code, and the custom elements manifest.
 * One function, so the tests build exactly what the package ships.
 */
import { execFile } from 'node:child_process';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { build, mergeConfig, type UserConfig } from 'vite';
import elementConfig from '../vite.config.js';
import metricsConfig from '../vite.metrics.config.js';
import { buildWix } from '../vite.wix.config.js';
import { buildCli } from './cli-bundle.js';
import { WIX_ZIP, writeWixZip } from './wix-zip.js';

/** Builds the package's files into `outDir`; `quiet` keeps Vite to warnings (tests). */
export async function buildPackage(outDir: string, quiet = false): Promise<void> {
  const logLevel = quiet ? 'warn' : 'info';
  const into = (config: UserConfig) => mergeConfig(config, { configFile: false, logLevel, build: { outDir } });
  await build(into(elementConfig));
  await build(into(metricsConfig));
  const tree = join(outDir, 'wix', 'src');
  await buildWix(tree);
  await writeWixZip(tree, join(outDir, WIX_ZIP));
  await buildCli(outDir);
  // The analyzer resolves --outdir against the working directory, so it gets a relative path;
  // its config keeps it from rewriting package.json's "customElements" to that folder.
  await promisify(execFile)(process.execPath, [
    'node_modules/@custom-elements-manifest/analyzer/cem.js',
    'analyze',
    '--config',
    'scripts/custom-elements-manifest.config.mjs',
    '--quiet',
    '--outdir',
    relative(process.cwd(), outDir) || '.',
  ]);
}
