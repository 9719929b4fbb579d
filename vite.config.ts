import { defineConfig } from 'vite';

// The element ships as ONE self-contained ES module (lit and zod bundled) that Wix loads
// as a Custom Element, either from a Velo file or from a "Server URL".
export default defineConfig({
  publicDir: false,
  build: {
    lib: {
      entry: 'element/src/sitegpt-member-chat.define.ts',
      formats: ['es'],
      fileName: () => 'sitegpt-member-chat.js',
    },
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2021',
    rolldownOptions: { output: { minify: true } },
  },
});
