/**
 * Which of its two faces the element shows a member: SiteGPT's widget, or the pane, where every
 * message goes through the backend (native-mode.ts). A native-mode site always shows the pane. A
 * widget-mode site shows the pane while the operator's service is `fallback` (every answer is a
 * static reply, which SiteGPT's widget cannot give), and the widget again once it is `on`; for
 * that it needs the native web methods too, which masterPage passes in either mode.
 */
import { createNativeMode, type ChatMode, type NativeDeps } from './native/native-mode.js';

export interface DisplayElement {
  setAttribute(name: string, value: string): void;
  on(event: string, handler: (event: { detail?: unknown }) => void): void;
}

export interface DisplayDeps extends Omit<NativeDeps, 'sendChatMessage' | 'getChatMessages' | 'rateAnswer'> {
  mode?: 'widget' | 'native';
  sendChatMessage?: NativeDeps['sendChatMessage'];
  getChatMessages?: NativeDeps['getChatMessages'];
  rateAnswer?: NativeDeps['rateAnswer'];
}

export class ChatDisplay {
  /** Native mode: the pane, always. */
  readonly native: boolean;
  /** The pane is what the element shows (native mode, or widget mode's fallback). */
  paneShown: boolean;
  #mode: ChatMode | undefined;
  #member = '';

  constructor(
    private readonly element: DisplayElement,
    private readonly deps: DisplayDeps,
    private readonly follow: () => void,
  ) {
    this.native = deps.mode === 'native';
    this.paneShown = this.native;
    // A wiring mistake is said at once, not when a member first sends.
    if (this.native) this.#mode = this.#create();
  }

  /** Listens to the element; called once, in the browser. Native mode is native before the element sees a member. */
  wire(): void {
    if (this.native) this.#mode!.wire();
  }

  /**
   * Widget mode: the pane while the service is `fallback`, the widget otherwise. Answers `pane`
   * or `widget` when it just switched (before the thread is set, so no widget is mounted for a
   * pane, nor a pane kept for a widget), nothing when it did not.
   */
  choose(fallback: boolean): 'pane' | 'widget' | undefined {
    if (this.native || fallback === this.paneShown) return;
    if (fallback && !this.#canPane()) {
      this.deps.log?.('sitegpt-native', { what: 'fallback-without-native-methods' });
      return;
    }
    this.paneShown = fallback;
    if (fallback) {
      if (this.#mode) this.element.setAttribute('mode', 'native');
      else (this.#mode = this.#create()).wire();
      this.#mode.memberSet(this.#member);
      return 'pane';
    }
    // The pane's live updates end and its values leave the DOM; the widget comes back.
    this.#mode!.memberSet('');
    this.element.setAttribute('mode', 'widget');
    return 'widget';
  }

  /** `member-id` was just set to another member ("" for none). */
  memberSet(member: string): void {
    this.#member = member;
    if (this.paneShown) this.#mode?.memberSet(member);
  }

  /** The member's chat was just shown; the pane takes its page. */
  chatShown(chat: { memberId: string; threadId: string; history?: unknown }): void {
    if (this.paneShown) this.#mode?.chatShown(chat);
  }

  dispose(): void {
    this.#mode?.dispose();
  }

  #canPane(): boolean {
    return Boolean(this.deps.sendChatMessage && this.deps.getChatMessages && this.deps.rateAnswer);
  }

  #create(): ChatMode {
    const { sendChatMessage, getChatMessages, rateAnswer } = this.deps;
    if (!sendChatMessage || !getChatMessages || !rateAnswer) {
      throw new TypeError('connectMemberChat: mode "native" needs sendChatMessage, getChatMessages and rateAnswer');
    }
    const element = this.element;
    return createNativeMode(
      { setAttribute: (name, value) => element.setAttribute(name, value), on: (name, handler) => element.on(name, handler), follow: this.follow },
      { ...this.deps, sendChatMessage, getChatMessages, rateAnswer },
    );
  }
}
