import { mergeConfig } from 'vite';
import elementConfig from './vite.config.js';

// `<sitegpt-chat-metrics>` ships as its own file, dist/sitegpt-chat-metrics.js, built like the
// member element's (one self-contained IIFE, lit and zod/mini bundled) but apart from it: a
// member's chat never loads the admin page's code. Build: `vite build -c vite.metrics.config.ts`
// after the member element (its build empties dist/ first).
export default mergeConfig(elementConfig, {
  build: {
    lib: {
      entry: 'element/src/metrics/sitegpt-chat-metrics.bundle.ts',
      name: 'SitegptChatMetrics',
      fileName: () => 'sitegpt-chat-metrics.js',
    },
    emptyOutDir: false,
  },
});
