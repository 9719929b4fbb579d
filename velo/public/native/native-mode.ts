/**
 * Native mode's page code (architecture.md §8): the element renders the conversation, and every
 * message goes element → this module → a web method. It adds to the controller
 * (sitegpt-member-chat.ts), which still owns sign-in, sign-out, retry and new conversation:
 * - the member's history with the chat (`messages`, set right after `thread`);
 * - the element's requests: send, load older, react, visibility, a person (handoff.ts keeps the
 *   pane's `handoff` from every answer that carries it);
 * - live updates (live-updates.ts): notices or polling → the turns that changed, or the new thread.
 *
 * Two staleness rules, besides the controller's token: an answer asked for an earlier member is
 * dropped (`epoch`, bumped on every member change), and a page is set only for the thread shown.
 */
import type { RateArgs, Turn } from '../../../contract/index.js';
import { isRecord, settle } from '../web-method-answers.js';
import { PaneHandoff } from './handoff.js';
import { GLOBAL_TIMERS, LiveUpdates } from './live-updates.js';
import type { ChatMode, NativeDeps, NativeHost } from './native-deps.js';
import { messagesValues } from './messages-value.js';
import { TURN_ID, readPage, readPageAnswer, readRateAnswer, readSendAnswer } from './read-answers.js';

const REACTIONS = new Set<unknown>(['POSITIVE', 'NEGATIVE', 'NEUTRAL']);
const MAX_BEFORE_CHARS = 200;

export type { ChatMode, NativeDeps, NativeHost } from './native-deps.js';

export function createNativeMode(host: NativeHost, deps: NativeDeps): ChatMode {
  const log = (what: string, detail: Record<string, unknown> = {}) => deps.log?.('sitegpt-native', { what, ...detail });
  let epoch = 0;
  let member = '';
  let thread = '';
  /** The load-older cursor of the thread shown; every `messages` value carries it, so none resets it. */
  let older: string | null = null;
  /** The highest rev read from a full or "after" page: where the next "what changed" starts. */
  let cursor = 0;
  let fetching = false;
  let fetchAgain = false;
  let loadingOlder: string | undefined;
  const sending = new Set<string>();

  const live = new LiveUpdates({
    subscribe: deps.subscribe,
    scheduler: deps.scheduler ?? GLOBAL_TIMERS,
    onTurns: () => fetchChanges(),
    onThread: () => host.follow(),
    log: deps.log,
  });
  const handoff = new PaneHandoff({ host, requestHuman: deps.requestHuman, onActive: (active) => live.setHandedOff(active), log });

  /** Sets the turns as one or more `messages` values of the thread shown. */
  function show(turns: Turn[]): void {
    const { values, tooLarge } = messagesValues({ threadId: thread, turns, older, cursor });
    if (tooLarge) log('turn-too-large', { count: tooLarge });
    for (const value of values) host.setAttribute('messages', value);
  }

  function fetchChanges(): void {
    if (!thread) return;
    if (fetching) {
      fetchAgain = true;
      return;
    }
    fetching = true;
    const mine = epoch;
    const asked = thread;
    const mark = handoff.mark();
    void settle(() => deps.getChatMessages({ after: cursor }), readPageAnswer).then((result) => {
      if (mine !== epoch) return;
      fetching = false;
      if (!result.ok) log('fetch-failed', { code: result.code });
      else if (result.page.threadId === thread) {
        cursor = Math.max(cursor, result.page.cursor);
        show(result.page.turns);
        handoff.decided(result.page.handoff, mark);
      } else if (thread === asked) host.follow(); // the member's thread is another one now
      if (fetchAgain) {
        fetchAgain = false;
        fetchChanges();
      }
    });
  }

  function send(detail: unknown): void {
    if (!isRecord(detail) || typeof detail.clientMessageId !== 'string' || !TURN_ID.test(detail.clientMessageId) || typeof detail.text !== 'string') {
      return log('bad-event', { event: 'sitegpt-send' });
    }
    const id = detail.clientMessageId;
    // A retry pressed while the first try is still on its way would only wait for the same row.
    if (!thread || sending.has(id)) return;
    sending.add(id);
    live.activity();
    const mine = epoch;
    const asked = thread;
    const mark = handoff.mark();
    void settle(() => deps.sendChatMessage({ clientMessageId: id, text: detail.text as string }), readSendAnswer).then((result) => {
      if (mine !== epoch) return;
      sending.delete(id);
      if (thread !== asked) return; // the pane shows another thread now: that page has the turn if it landed there
      if (!result.ok) {
        const error = result.retryAfterMs === undefined ? { id, code: result.code } : { id, code: result.code, retryAfterMs: result.retryAfterMs };
        host.setAttribute('send-error', JSON.stringify(error));
        // The operator closed the chat meanwhile: the member's chat, asked for again, says so.
        if (result.code === 'CHAT_CLOSED') host.follow();
        return;
      }
      // The backend sends to the member's current thread: another one means it changed elsewhere.
      if (result.threadId !== thread || result.turn.threadId !== thread) return host.follow();
      show([result.turn]);
      handoff.decided(result.handoff, mark);
    });
  }

  /** *Talk to a person*: the pane is handed off with the turn that says so, if the thread is still the one shown. */
  function requestHuman(): void {
    const asked = thread;
    if (!asked) return;
    live.activity();
    handoff.request((answer) => {
      if (thread !== asked) return false;
      if (answer.threadId !== thread) {
        host.follow(); // the member's thread changed elsewhere: the followed one brings its own state
        return false;
      }
      if (answer.turn?.threadId === thread) show([answer.turn]);
      return true;
    });
  }

  function loadOlder(detail: unknown): void {
    const before = isRecord(detail) ? detail.before : undefined;
    if (typeof before !== 'string' || before.length === 0 || before.length > MAX_BEFORE_CHARS) return log('bad-event', { event: 'sitegpt-load-older' });
    if (!thread || loadingOlder === before) return;
    loadingOlder = before;
    const mine = epoch;
    const asked = thread;
    const mark = handoff.mark();
    void settle(() => deps.getChatMessages({ before }), readPageAnswer).then((result) => {
      if (mine !== epoch || thread !== asked) return;
      if (loadingOlder === before) loadingOlder = undefined;
      if (result.ok && result.page.threadId === thread) {
        older = result.page.older;
        show(result.page.turns);
        return handoff.decided(result.page.handoff, mark);
      }
      if (result.ok) return host.follow();
      log('load-older-failed', { code: result.code });
      show([]); // the same cursor again: the element may offer "load older" once more
    });
  }

  function react(detail: unknown): void {
    if (!isRecord(detail) || typeof detail.messageId !== 'string' || !TURN_ID.test(detail.messageId) || !REACTIONS.has(detail.reaction)) {
      return log('bad-event', { event: 'sitegpt-react' });
    }
    if (!thread) return;
    live.activity();
    const mine = epoch;
    const args = { messageId: detail.messageId, reaction: detail.reaction as RateArgs['reaction'] };
    void settle(() => deps.rateAnswer(args), readRateAnswer).then((result) => {
      if (mine !== epoch) return;
      if (!result.ok) return log('react-failed', { code: result.code });
      if (result.turn.threadId === thread) show([result.turn]);
    });
  }

  return {
    wire() {
      host.setAttribute('mode', 'native');
      host.on('sitegpt-send', (event) => send(event.detail));
      host.on('sitegpt-load-older', (event) => loadOlder(event.detail));
      host.on('sitegpt-react', (event) => react(event.detail));
      host.on('sitegpt-request-human', () => requestHuman());
      host.on('sitegpt-visibility', (event) => {
        const visible = isRecord(event.detail) ? event.detail.visible : undefined;
        if (typeof visible === 'boolean') live.setVisible(visible);
      });
    },
    memberSet(next) {
      epoch++;
      member = next;
      thread = '';
      older = null;
      cursor = 0;
      fetching = fetchAgain = false;
      loadingOlder = undefined;
      sending.clear();
      live.stop();
      handoff.reset();
      // Nothing of the previous member stays in the DOM, not even in an attribute's value.
      host.setAttribute('messages', '');
      host.setAttribute('send-error', '');
    },
    chatShown(chat) {
      if (chat.memberId !== member) return; // the controller sets member-id first; anything else is a bug upstream
      if (chat.threadId !== thread) {
        thread = chat.threadId;
        older = null;
        cursor = 0;
        loadingOlder = undefined;
      }
      const read = chat.history === undefined ? undefined : readPage(chat.history);
      if (read?.page.threadId === thread) {
        if (read.dropped) log('dropped-turns', { count: read.dropped });
        older = read.page.older;
        cursor = Math.max(cursor, read.page.cursor);
        show(read.page.turns);
        handoff.fresh(read.page.handoff);
      } else {
        // No history (a new conversation) or a malformed one: the pane opens, and catches up if it can.
        show([]);
        handoff.fresh(undefined);
        if (chat.history !== undefined) {
          log('bad-history');
          fetchChanges();
        }
      }
      live.start(member);
    },
    dispose() {
      epoch++;
      live.stop();
    },
  };
}
