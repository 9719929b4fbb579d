import type { WidgetStatus } from '../chat-state.js';
import { emit, type WidgetEvent } from '../events.js';
import { mountFrame } from './frame-mount.js';
import { mountScript } from './script-mount.js';
import type { WidgetMount, WidgetRequest } from './widget-mount.js';

interface ActiveWidget {
  key: string;
  thread: string;
  status: Exclude<WidgetStatus, 'none'>;
  mount?: WidgetMount;
  timer?: ReturnType<typeof setTimeout>;
  reportedThreads: Set<string>;
}

/**
 * The one widget mounted in the element: mounts the wanted request, times its readiness out,
 * and passes the widget's events on as the element's own. At most one is alive at a time.
 */
export class WidgetHost {
  // TypeScript-private rather than #private: the es2021 build turns each # field into a WeakMap.
  private active?: ActiveWidget;

  constructor(private readonly host: HTMLElement & { requestUpdate(): void }) {}

  /** Load status of the widget mounted for `request`; `none` when none or another one is mounted. */
  status(request: WidgetRequest): WidgetStatus {
    return this.active?.key === keyOf(request) ? this.active.status : 'none';
  }

  /** Mounts `request` into `container` unless it already is; no request removes the widget. */
  sync(request: WidgetRequest | undefined, container: HTMLElement | null, title: string, timeoutMs: number): void {
    if (!request) this.unmount();
    else if (this.active?.key !== keyOf(request) && container) this.mount(request, container, title, timeoutMs);
  }

  /** Removes the widget at once, nodes and listeners; a retry mounts it afresh. */
  unmount(): void {
    const active = this.active;
    if (!active) return;
    this.active = undefined;
    clearTimeout(active.timer);
    active.mount?.destroy();
  }

  private mount(request: WidgetRequest, container: HTMLElement, title: string, timeoutMs: number): void {
    this.unmount();
    const active: ActiveWidget = { key: keyOf(request), thread: request.thread, status: 'loading', reportedThreads: new Set() };
    this.active = active;
    const strategy = request.strategy === 'script' ? mountScript : mountFrame;
    try {
      active.mount = strategy(container, { ...request, title, onEvent: (event) => this.forward(active, event) });
    } catch (error) {
      // Nothing the checks foresaw (the browser refusing a frame, say): an error view the member
      // can retry, never a `loading` that lasts. A microtask later, as this runs inside an update.
      console.error('sitegpt-member-chat: the widget could not be mounted', error);
      active.status = 'failed';
      void Promise.resolve().then(() => this.host.requestUpdate());
      return;
    }
    active.timer = setTimeout(() => {
      active.mount?.destroy();
      active.mount = undefined;
      active.status = 'timeout';
      this.host.requestUpdate();
    }, timeoutMs);
    void active.mount.loaded.then(() => {
      if (this.active !== active || active.status !== 'loading') return;
      clearTimeout(active.timer);
      active.status = 'loaded';
      this.host.requestUpdate();
    });
  }

  private forward(active: ActiveWidget, event: WidgetEvent): void {
    if (this.active !== active) return;
    emit(this.host, 'sitegpt-widget-event', event);
    const actual = event.threadId;
    if (actual && actual !== active.thread && !active.reportedThreads.has(actual)) {
      active.reportedThreads.add(actual);
      emit(this.host, 'sitegpt-thread-mismatch', { expected: active.thread, actual });
    }
  }
}

function keyOf(request: WidgetRequest): string {
  return JSON.stringify(request);
}
