import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { emit } from '../events.js';

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

/**
 * Fires `sitegpt-visibility {visible}` once the chat was first shown (the pane, the widget or
 * the closed view), then on every change: the element scrolled into or out of the page's view,
 * or the tab hidden or shown. Page code polls for new turns, and re-checks the service without
 * realtime, only while the chat is visible.
 */
export class VisibilityReport implements ReactiveController {
  // TypeScript-private rather than #private: the es2021 build turns each # field into a WeakMap.
  private shown = false;
  private onScreen?: boolean;
  private reported?: boolean;
  private observer?: IntersectionObserver;

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  hostConnected(): void {
    this.observer = new IntersectionObserver(([entry]) => {
      this.onScreen = entry.isIntersecting;
      this.report();
    });
    this.observer.observe(this.host);
    document.addEventListener('visibilitychange', this.report);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    document.removeEventListener('visibilitychange', this.report);
  }

  hostUpdated(): void {
    this.shown ||= /^(?:ready|closed)$/.test(this.host.getAttribute('state')!);
    this.report();
  }

  private report = (): void => {
    if (!this.shown || this.onScreen === undefined) return;
    const visible = this.onScreen && !document.hidden;
    if (visible === this.reported) return;
    this.reported = visible;
    emit(this.host, 'sitegpt-visibility', { visible });
  };
}
