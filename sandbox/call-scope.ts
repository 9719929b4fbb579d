/**
 * One web-method call as the sandbox runs it: the session's member (what Wix's
 * `members.getCurrentMember()` would answer) and the core's log line. It travels with the
 * call through AsyncLocalStorage, so the members port, the log and the stand-in's SiteGPT
 * requests each know which call they belong to without being passed anything.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { LogLine, Member } from '../velo/backend/ports.js';

export interface WebMethodCall {
  readonly member: Member | null;
  line?: LogLine;
}

export class CallScope {
  readonly #storage = new AsyncLocalStorage<WebMethodCall>();
  readonly #ended = new Set<(call: WebMethodCall) => void>();

  /** The call this code runs for, if any. */
  current(): WebMethodCall | undefined {
    return this.#storage.getStore();
  }

  /** Runs `body` as a call by `member`; listeners hear of its end before the answer is sent. */
  async run<T>(member: Member | null, body: () => Promise<T>): Promise<{ value: T; call: WebMethodCall }> {
    const call: WebMethodCall = { member };
    try {
      return { value: await this.#storage.run(call, body), call };
    } finally {
      for (const listener of this.#ended) listener(call);
    }
  }

  onEnd(listener: (call: WebMethodCall) => void): void {
    this.#ended.add(listener);
  }
}
