import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { parseAttributes } from './attributes.js';

const DEFAULT_SIGNED_OUT_DELAY = 3000;

/**
 * The time page code has to say who is signed in (`signed-out-delay`) before an absent
 * `member-id` reads as signed out. It starts at the first connection; once over, it stays over.
 */
export class SignedOutGrace implements ReactiveController {
  over = false;
  // TypeScript-private rather than #private: the es2021 build turns each # field into a WeakMap.
  private timer?: ReturnType<typeof setTimeout>;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    if (!this.over && !this.timer) {
      const parsed = parseAttributes((name) => this.host.getAttribute(name));
      const delay = Number((parsed.ok && parsed.value['signed-out-delay']) || DEFAULT_SIGNED_OUT_DELAY);
      this.timer = setTimeout(() => {
        this.over = true;
        this.host.requestUpdate();
      }, delay);
    }
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
