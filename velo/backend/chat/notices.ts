/**
 * Realtime notices to the member's devices (architecture.md §8.5): `turns` after a turn
 * changed, `thread` after the member's thread changed. Content-free by construction (a
 * version, a kind, a rev). Best effort: a failed or slow publish is noted on the call's log
 * line and never fails the call; devices without the notice still catch up on their next sync.
 */
import type { Notice } from '../../../contract/index.js';
import type { BackendConfig } from '../config.js';
import { withTimeout, type Deadline } from '../runtime/deadline.js';
import type { Trace } from '../runtime/instrument.js';
import type { RealtimePort } from './ports.js';

export interface Notices {
  /** Resolves when the publish settled, whatever its outcome. */
  publish(memberId: string, kind: Notice['kind'], rev: number, deadline: Deadline, trace: Trace): Promise<void>;
}

export function createNotices(realtime: RealtimePort, config: BackendConfig): Notices {
  return {
    async publish(memberId, kind, rev, deadline, trace) {
      const notice: Notice = { v: 1, kind, rev };
      try {
        await withTimeout(deadline.allow(config.timeouts.wixCallMs), () => new Error('timeout'), () => realtime.publish(memberId, notice));
      } catch {
        trace.note = 'realtime-publish-failed';
      }
    },
  };
}
