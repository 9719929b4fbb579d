/**
 * *Delete my chat* (the element's `sitegpt-delete-chat`) as page code runs it: `forgetMyChat()`
 * once at a time, then the controller shows the member's new, empty chat, or says in words why
 * the chat could not be deleted. The backend takes the member from the session, so the call
 * names nobody; an answer that arrives after the member changed is dropped.
 */
import type { ErrorCode } from '../../contract/index.js';
import { settle } from './web-method-answers.js';

export interface DeletionHooks {
  /** `forgetMyChat()` of `backend/sitegpt.web`; without it a press says the chat is not set up correctly. */
  forgetMyChat?(): Promise<unknown>;
  /** The member whose chat shows now ("" or undefined for none). */
  member(): string | undefined;
  /** The member's chat is gone: show their new, empty one. */
  deleted(): void;
  /** It could not be deleted; the chat stays. */
  failed(code: ErrorCode): void;
}

export class ChatDeletion {
  /** True while forgetMyChat is on its way: a second press sends nothing. */
  busy = false;
  #epoch = 0;

  constructor(private readonly hooks: DeletionHooks) {}

  /** The member asked to delete their chat. */
  request(): void {
    const member = this.hooks.member();
    if (this.busy || !member) return;
    const forget = this.hooks.forgetMyChat;
    if (!forget) return this.hooks.failed('MISCONFIGURED');
    this.busy = true;
    const mine = this.#epoch;
    void settle(forget, () => ({ ok: true as const })).then((result) => {
      if (mine !== this.#epoch) return;
      this.busy = false;
      // Another member now: their own chat is what shows, and this answer is not theirs.
      if (this.hooks.member() !== member) return;
      if (result.ok) this.hooks.deleted();
      else this.hooks.failed(result.code);
    });
  }

  /** Another member, a sign-out or dispose: an answer still on its way is dropped. */
  reset(): void {
    this.#epoch++;
    this.busy = false;
  }
}
