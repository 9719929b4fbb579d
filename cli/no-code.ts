/**
 * Whether a site file holds no code of the owner's, so the kit may take its place: empty,
 * comments only, or the template Wix puts into every new site's masterPage.js:
 *
 *   // The code in this file will load on every page of your site
 *   $w.onReady(function () {
 *     // Write your code here
 *   });
 *
 * Comments are removed by pattern, not parsed: a `//` inside a string cuts that line short,
 * which leaves some code behind, so such a file never counts as empty by mistake.
 */
const EMPTY_ON_READY = /^\$w\.onReady\((?:(?:async)?function\(\)|(?:async)?\(\)=>)\{\}\);?$/;

export function holdsNoCode(source: string): boolean {
  const code = source
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/[^\n]*/g, '')
    .replace(/\s+/g, '');
  return code === '' || EMPTY_ON_READY.test(code);
}
