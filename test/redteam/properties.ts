/**
 * Each property of the table (cases.ts) as a check over one run (scenario.ts) and, for what
 * the member sees, the pane rendered in Chromium (pane.ts; the checks that read only the pane
 * are in pane-properties.ts). Each check also asserts that the case did reach what it checks
 * (a send was made, the answer was long, the input held the characters), so no property passes
 * by having nothing to look at. A failure's message never holds a key (redact.ts).
 */
import assert from 'node:assert/strict';
import type { Given, Property } from './cases.js';
import type { PaneFacts } from './pane.js';
import { needPane, PANE_CHECKS, turnOf, type Check } from './pane-properties.js';
import { redact, redactError } from './redact.js';
import { BOB_SECRET, INSTRUCTING_TIER, type Run } from './scenario.js';

/** The characters no chat text keeps, written out here again on purpose (not imported from the code under test). */
const INVISIBLE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u00AD\u180E\u200B-\u200F\u2060-\u2064\uFEFF\u061C\u202A-\u202E\u2066-\u2069\u{E0000}-\u{E007F}\r]/u;
/** The text the provider must have got. */
const expectedText = (run: Run) => run.case.sent ?? run.case.input!;

const CHECK_BODIES: Record<Property, Check> = {
  ...PANE_CHECKS,
  'outbound-message-equals-normalised-input'(run) {
    const text = expectedText(run);
    assert.equal(run.completions.length, 1, 'one completion request');
    const [{ provider, body }] = run.completions;
    assert.equal(provider, run.provider);
    if (provider === 'sitegpt') {
      assert.deepEqual(body, { message: text, threadId: run.threadId, from: 'USER' });
    } else {
      const messages = body.messages as Array<{ role: string; content: string }>;
      assert.deepEqual(messages.at(-1), { role: 'user', content: text });
      // Only the member's own message holds the text; no system message, nothing else.
      assert.deepEqual(messages.filter((m) => m.content.includes(text)).length, 1);
      assert.deepEqual(messages.filter((m) => m.role === 'user').length, 1, 'a fresh thread: no earlier user message');
    }
  },

  'context-free-of-input'(run) {
    assert.ok(run.contextBefore, 'the member has a typed context (language)');
    // After the send, and with the input as the page path: each read answered a context.
    assert.equal(run.contextAfter.length, 2, 'both reads after the send were made');
    for (const context of run.contextAfter) {
      assert.ok(context !== undefined, 'the read answered a typed context');
      assert.deepEqual(context, run.contextBefore);
    }
    for (const { provider, body } of run.completions) {
      if (provider !== 'openai') continue;
      const systems = (body.messages as Array<{ role: string; content: string }>).filter((m) => m.role === 'system');
      assert.equal(systems[1]?.content, 'Facts about the member from the site (not written by the member): language: de.');
    }
  },

  'only-own-turns'(run) {
    assert.ok(run.bobThreadId && run.bobThreadId !== run.threadId, 'the other member has a thread of their own');
    if (!run.case.expect.includes('forged-argument-refused')) {
      // Answered, not refused: a refusal would hold nothing of Bob's either.
      assert.equal((run.result as { ok?: unknown }).ok, true, `the call was answered: ${JSON.stringify(run.result).slice(0, 200)}`);
    }
    const seen = [JSON.stringify(run.result), ...run.afterwards.map((r) => JSON.stringify(r))];
    for (const text of seen) {
      assert.ok(!text.includes('BOB-PRIVATE') && !text.includes(run.bobThreadId), `nothing of Bob's: ${text.slice(0, 300)}`);
    }
    for (const text of seen) for (const threadId of text.matchAll(/"threadId":"([^"]+)"/g)) assert.equal(threadId[1], run.threadId);
    for (const { body } of run.completions) {
      const text = JSON.stringify(body);
      assert.ok(!text.includes('BOB-PRIVATE') && !text.includes(run.bobThreadId), 'the provider got nothing of Bob');
    }
    assert.ok(run.sitegptCalls.every((r) => !r.url.includes(run.bobThreadId!)), "no SiteGPT call on Bob's thread");
    assert.equal(run.bobRowsAfter, run.bobRowsBefore, "Bob's rows are as they were");
    assert.ok(run.bobRowsBefore.includes(BOB_SECRET));
    if (run.case.given === 'member-facts-carry-instructions') {
      // The plan name reached the context (it is the site's, not the member's), and still only Ada's turns.
      assert.match(JSON.stringify(run.contextBefore), new RegExp(INSTRUCTING_TIER));
    }
  },

  'forged-argument-refused'(run) {
    const outcome = (run.result as { asked?: unknown }).asked ?? run.result;
    const { ok, error } = outcome as { ok: boolean; error?: { code: string } };
    assert.equal(ok, false, 'refused');
    assert.ok(['INVALID_INPUT', 'NOT_FOUND'].includes(error!.code), error!.code);
    assert.equal(run.rowsAfter, run.rowsBefore, 'no row changed');
  },

  'no-credential-anywhere'(run, pane) {
    assert.ok(run.completions.length + run.sitegptCalls.length > 0, 'the case reached a provider');
    if (run.case.given === 'upstream-error-echoes-key') {
      // The provider did answer with the error that quotes the keys.
      const result = run.result as { ok: boolean; turn?: { status: string } };
      assert.ok(!result.ok || result.turn?.status === 'failed', `the send failed: ${JSON.stringify(result).slice(0, 200)}`);
    }
    for (const text of [...run.everything, ...(pane ? [pane.html] : [])]) {
      // Where it leaked, with the key itself written as <key> (a live run prints this message).
      if (!run.keys.some((key) => text.includes(key))) continue;
      const shown = redact(text, run.keys);
      const at = shown.indexOf('<key>');
      assert.fail(`a key leaked: …${shown.slice(Math.max(0, at - 150), at + 150)}…`);
    }
  },

  'no-message-text-in-logs'(run) {
    assert.ok(run.logs.some((line) => line.includes('"sendChatMessage"')), 'the send wrote its log line');
    const text = expectedText(run);
    // Any run of 12 characters of the text is enough to tell it was logged.
    const pieces = [...text.matchAll(/.{12}/gsu)].map((m) => m[0]);
    for (const line of run.logs) for (const piece of pieces) assert.ok(!line.includes(piece), `the member's text in a log line: ${line.slice(0, 300)}`);
  },

  'invisible-chars-removed'(run, pane) {
    if (run.case.answer !== undefined) {
      assert.match(run.case.answer, INVISIBLE, 'the answer carries invisible characters');
      const stored = run.adaRows.map((row) => String(row.answer ?? ''));
      for (const text of [turnOf(run).answer ?? '', ...stored, needPane(pane).answerText]) assert.doesNotMatch(text, INVISIBLE);
      return;
    }
    assert.match(run.case.input!, INVISIBLE, 'the input carries invisible characters');
    const turn = turnOf(run);
    const stored = run.adaRows.map((row) => row.question).filter((q) => typeof q === 'string');
    const sent = run.completions.map(({ body }) => JSON.stringify(body));
    for (const text of [turn.question ?? '', ...stored, ...sent.map((s) => JSON.parse(s) as unknown).map((b) => JSON.stringify(b, null, 0))]) {
      assert.doesNotMatch(text, INVISIBLE);
    }
    for (const { body } of run.completions) {
      const message = run.provider === 'sitegpt' ? (body.message as string) : (body.messages as Array<{ content: string }>).at(-1)!.content;
      assert.doesNotMatch(message, INVISIBLE);
    }
    assert.equal(turn.question, expectedText(run));
  },

  'handoff-at-most'(run) {
    // requestHuman's own outcome: the result itself, or `asked` when a question followed it (EA-04).
    const asking = run.case.call?.method === 'requestHuman';
    const asked = asking ? ((run.case.input === undefined ? run.result : run.result.asked) as { ok?: boolean } | undefined) : undefined;
    assert.ok(!asking || asked !== undefined, "requestHuman's outcome is in the result");
    const handedOff = asked?.ok === true;
    // A plain requestHuman is honoured: the case shows what a handoff allows, not a refusal.
    if (asking && !run.case.expect.includes('forged-argument-refused')) assert.ok(handedOff, `the member was handed off: ${JSON.stringify(asked).slice(0, 200)}`);
    // No SiteGPT call but sending (and reading) messages, and escalating when handed off.
    const allowed = (r: { method: string; path: string }) =>
      (r.method === 'POST' && /\/message$/.test(r.path)) || r.method === 'GET' || (handedOff && /\/escalate$/.test(r.path));
    assert.deepEqual(run.sitegptCalls.filter((r) => !allowed(r)), []);
    assert.ok(run.inbox.conversations.size <= (handedOff ? 1 : 0), 'a Wix Inbox conversation only for a handoff');
    // Nothing deleted: the member's thread is the one it was, and every row is still there.
    assert.ok(run.threadRowBefore?.threadId, 'the member had a thread before the call');
    assert.equal(run.threadRowAfterCall?.threadId, run.threadRowBefore.threadId, "the member's thread is still theirs");
    const idsAfter = new Set((JSON.parse(run.rowsAfter) as Array<{ _id: string }>).map((row) => row._id));
    const gone = (JSON.parse(run.rowsBefore) as Array<{ _id: string }>).filter((row) => !idsAfter.has(row._id));
    assert.deepEqual(gone, [], 'no row removed');
    if (handedOff) {
      assert.equal(run.handoffAfter, 'active');
      // While handed off, a question goes to the team, not to the provider.
      assert.equal(run.completions.length, 0);
    } else {
      assert.notEqual(run.handoffAfter, 'active', 'no handoff from text alone');
      const kinds = run.adaRows.map((row) => row.kind);
      assert.ok(kinds.length > 0, "the member's turns are still stored");
      assert.ok(kinds.every((kind) => kind === 'ai' || kind === 'claim'), `only the member's own AI turns: ${kinds}`);
    }
  },

  'no-upstream-call'(run) {
    assert.deepEqual(run.completions, []);
    const result = run.result as { ok: boolean; error?: { code: string }; turn?: { kind: string } };
    const shown = JSON.stringify(result).slice(0, 200);
    const expected = UPSTREAM_REFUSAL[run.case.given ?? 'none'];
    // Answered by the kit itself (the static fallback), or refused with the reason the case stages.
    if (expected === 'fallback') assert.equal(result.ok && result.turn?.kind, 'fallback', shown);
    else assert.equal(result.ok ? 'answered' : result.error?.code, expected, shown);
  },
};

/** What a send that must not reach the provider gives, per staged situation (`none`: the input itself is refused). */
const UPSTREAM_REFUSAL: Partial<Record<Given | 'none', 'INVALID_INPUT' | 'RATE_LIMITED' | 'CHAT_CLOSED' | 'fallback'>> = {
  none: 'INVALID_INPUT',
  'other-member-has-turns': 'INVALID_INPUT', // forged arguments
  'burst-over-minute-limit': 'RATE_LIMITED',
  'kill-switch-off': 'CHAT_CLOSED',
  'budget-spent': 'fallback',
  'kill-switch-fallback': 'fallback',
};

/** Each check, with any key in its failure message written as `<key>` (scripts/redteam-live.ts prints them). */
export const CHECKS = Object.fromEntries(
  Object.entries(CHECK_BODIES).map(([property, check]) => [
    property,
    (run: Run, pane: PaneFacts | undefined) => {
      try {
        check(run, pane);
      } catch (error) {
        throw redactError(error, run.keys);
      }
    },
  ]),
) as Record<Property, Check>;
