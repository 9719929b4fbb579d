/**
 * What native mode's page code (native-mode.ts) is given and what it gives the controller
 * (sitegpt-member-chat.ts): the web methods and services, the controller's side, and the
 * mode's own side.
 */
import type { GetMessagesArgs, RateArgs, SendArgs } from '../../../contract/index.js';
import type { Scheduler, Subscribe } from './live-updates.js';

/** The web methods and services native mode needs (masterPage wires Wix's, the sandbox its own). */
export interface NativeDeps {
  sendChatMessage(args: SendArgs): Promise<unknown>;
  getChatMessages(args: GetMessagesArgs): Promise<unknown>;
  rateAnswer(args: RateArgs): Promise<unknown>;
  /** The member asks for a person (`requestHuman()`, no argument); without it a press says the chat is not set up. */
  requestHuman?(): Promise<unknown>;
  /** Realtime notices; without it (or when it rejects) page code polls. */
  subscribe?: Subscribe;
  /** Timers for polling; default: the global ones. */
  scheduler?: Scheduler;
  log?(event: string, detail: unknown): void;
}

/** What the controller does for this mode. */
export interface NativeHost {
  setAttribute(name: string, value: string): void;
  on(event: string, handler: (event: { detail?: unknown }) => void): void;
  /** Asks for the member's chat again and shows it: their thread changed elsewhere, or the chat was closed. */
  follow(): void;
}

/** The controller's side of a mode: what it tells the mode (the controller asks for the chat itself). */
export interface ChatMode {
  /** Listens to the element; called once, in the browser. */
  wire(): void;
  /** `member-id` was just set to another member ("" for none). */
  memberSet(member: string): void;
  /** The member's chat was just shown (`thread` set); `history` is the answer's page, unread. */
  chatShown(chat: { memberId: string; threadId: string; history?: unknown }): void;
  dispose(): void;
}
