// The custom elements manifest (dist/custom-elements.json), for `npm run manifest` and the build.
// packagejson: false, because the analyzer otherwise rewrites package.json's "customElements" to
// whatever --outdir it was given (a test's temporary folder); package.json names the shipped
// dist/custom-elements.json once, by hand.
export default {
  globs: ['element/src/**/*.ts'],
  litelement: true,
  packagejson: false,
};
