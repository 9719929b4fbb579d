/** The ports of a real Wix site: the session's member, the Secrets Manager, the CMS, SiteGPT. */
import type { BackendConfig } from '../config.js';
import type { Ports } from '../ports.js';
import { createSitegptClient } from '../providers/sitegpt/client.js';
import { consoleLog } from './log.js';
import { wixMembers } from './members.js';
import { wixSecrets } from './secrets.js';
import { wixThreadStore } from './thread-store.js';

export function wixPorts(config: BackendConfig): Ports {
  return {
    members: wixMembers(),
    secrets: wixSecrets(),
    threads: wixThreadStore(config.collection),
    sitegpt: createSitegptClient({
      baseUrl: config.sitegptBaseUrl,
      // Looked up per call, not captured at load: whatever fetch the runtime (or a test's
      // interceptor) installs is the one used.
      fetch: (input, init) => globalThis.fetch(input, init),
      callTimeoutMs: config.timeouts.sitegptCallMs,
      maxReplyBytes: config.sitegptMaxReplyBytes,
    }),
    clock: { now: () => Date.now() },
    log: consoleLog(),
  };
}
