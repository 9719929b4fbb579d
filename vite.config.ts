import { defineConfig } from 'vite';

// The element ships as ONE self-contained file (lit and zod bundled) that Wix loads as a
// Custom Element, from a Velo file or a "Server URL". An IIFE with no exports is valid both
// as an ES module and as a classic script, and keeps its names out of the page's globals.
export default defineConfig({
  publicDir: false,
  build: {
    lib: {
      entry: 'element/src/sitegpt-member-chat.bundle.ts',
      formats: ['iife'],
      name: 'SitegptMemberChat',
      fileName: () => 'sitegpt-member-chat.js',
    },
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2021',
    // The size of record is the bench's (gzip -9 of the emitted file, README "Bundle size");
    // Vite's own gzip estimate differs slightly and would be a second, competing figure.
    reportCompressedSize: false,
    rolldownOptions: { output: { minify: true } },
  },
});
