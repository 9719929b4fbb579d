/** The ports of a real Wix site: the session's member, the Secrets Manager, the CMS, realtime, SiteGPT. */
import type { BackendConfig } from '../config.js';
import type { Ports } from '../ports.js';
import { createSitegptClient } from '../providers/sitegpt/client.js';
import { consoleLog } from './log.js';
import { wixMembers } from './members.js';
import { wixRealtime } from './realtime.js';
import { wixSecrets } from './secrets.js';
import { wixThreadStore } from './thread-store.js';
import { wixTranscriptStore } from './transcript-store.js';

export function wixPorts(config: BackendConfig): Ports {
  return {
    members: wixMembers(),
    secrets: wixSecrets(),
    threads: wixThreadStore(config.collection),
    transcript: wixTranscriptStore(config.chat.messagesCollection),
    realtime: wixRealtime(),
    sitegpt: createSitegptClient({
      baseUrl: config.sitegptBaseUrl,
      // Looked up per call, not captured at load: whatever fetch the runtime (or a test's
      // interceptor) installs is the one used.
      fetch: (input, init) => globalThis.fetch(input, init),
      callTimeoutMs: config.timeouts.sitegptCallMs,
      sendTimeoutMs: config.timeouts.sitegptSendMs,
      maxReplyBytes: config.sitegptMaxReplyBytes,
    }),
    clock: { now: () => Date.now() },
    log: consoleLog(),
  };
}
