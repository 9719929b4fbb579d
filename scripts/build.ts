// `npm run build`: dist/ as the package ships it (see package-build.ts).
import { buildPackage } from './package-build.js';

await buildPackage('dist');
console.log(
  'Built dist/: sitegpt-member-chat.js (the element), sitegpt-chat-metrics.js, wix/src/ (the files a Wix site needs, ' +
    'see docs/install-on-wix.md), sitegpt-member-chat-wix.zip (the same with WHAT-GOES-WHERE.txt), cli.js and custom-elements.json',
);
