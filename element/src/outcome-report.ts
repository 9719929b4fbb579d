import type { ChatView } from './chat-state.js';
import { emit } from './events.js';
import { errorLabel, type Labels } from './labels.js';

/** Fires sitegpt-ready / sitegpt-error once per transition, never to echo page code's own `error`. */
export class OutcomeReport {
  // TypeScript-private rather than #private: the es2021 build turns each # field into a WeakMap.
  private reported = '';

  report(host: HTMLElement, { state, error, widget, config }: ChatView, labels: Labels): void {
    const thread = widget?.thread ?? config?.thread;
    const outcome = state === 'error' ? `error:${error?.code}:${error?.attribute}` : `${state}:${thread}`;
    if (outcome === this.reported) return;
    this.reported = outcome;
    if (state === 'ready' && thread) emit(host, 'sitegpt-ready', { threadId: thread });
    if (state === 'error' && error && !error.fromPage) {
      const message = labels[errorLabel(error.code)];
      emit(host, 'sitegpt-error', error.attribute ? { code: error.code, message, attribute: error.attribute } : { code: error.code, message });
    }
  }
}
