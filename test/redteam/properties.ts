/**
 * Each property of the table (cases.ts) as a check over one run (scenario.ts) and, for what
 * the member sees, the pane rendered in Chromium (pane.ts). Each check also asserts that the
 * case did reach what it checks (a send was made, the answer was long, the input held the
 * characters), so no property passes by having nothing to look at.
 */
import assert from 'node:assert/strict';
import type { Property } from './cases.js';
import type { PaneFacts } from './pane.js';
import { BOB_SECRET, INSTRUCTING_TIER, type Run } from './scenario.js';

/** The characters no chat text keeps, written out here again on purpose (not imported from the code under test). */
const INVISIBLE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u00AD\u180E\u200B-\u200F\u2060-\u2064\uFEFF\u061C\u202A-\u202E\u2066-\u2069\u{E0000}-\u{E007F}\r]/u;
/** The pane's own markup for an answer: the safe markdown subset. */
const ANSWER_TAGS = new Set(['DIV', 'P', 'UL', 'OL', 'LI', 'STRONG', 'EM', 'CODE', 'PRE', 'A', 'BR']);
const MAX_ANSWER = 16_000;

type Check = (run: Run, pane: PaneFacts | undefined) => void;

const turnOf = (run: Run) => {
  const result = run.result as { ok: boolean; turn?: { kind: string; answer: string | null; question: string | null } };
  assert.ok(result.ok && result.turn, `the send answered a turn: ${JSON.stringify(run.result).slice(0, 300)}`);
  return result.turn;
};

function needPane(pane: PaneFacts | undefined): PaneFacts {
  assert.ok(pane, 'this property is checked on the rendered pane');
  return pane;
}

/** The text the provider must have got. */
const expectedText = (run: Run) => run.case.sent ?? run.case.input!;

export const CHECKS: Record<Property, Check> = {
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
    for (const context of run.contextAfter) if (context !== undefined) assert.deepEqual(context, run.contextBefore);
    for (const { provider, body } of run.completions) {
      if (provider !== 'openai') continue;
      const systems = (body.messages as Array<{ role: string; content: string }>).filter((m) => m.role === 'system');
      assert.equal(systems[1]?.content, 'Facts about the member from the site (not written by the member): language: de.');
    }
  },

  'only-own-turns'(run) {
    assert.ok(run.bobThreadId && run.bobThreadId !== run.threadId, 'the other member has a thread of their own');
    const seen = [JSON.stringify(run.result), ...run.afterwards.map((r) => JSON.stringify(r))];
    for (const text of seen) {
      assert.ok(!text.includes('BOB-PRIVATE') && !text.includes(run.bobThreadId), `nothing of Bob's: ${text.slice(0, 300)}`);
    }
    for (const text of seen) for (const threadId of text.matchAll(/"threadId":"([^"]+)"/g)) assert.equal(threadId[1], run.threadId);
    for (const { body } of run.completions) {
      const text = JSON.stringify(body);
      assert.ok(!text.includes('BOB-PRIVATE') && !text.includes(run.bobThreadId), 'the provider got nothing of Bob');
    }
    assert.ok(run.sitegptCalls.every((r) => !r.path.includes(run.bobThreadId!)), "no SiteGPT call on Bob's thread");
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
      for (const key of run.keys) assert.ok(!text.includes(key), `a key leaked: ${text.slice(0, 300)}`);
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

  'no-executable-markup'(run, pane) {
    const facts = needPane(pane);
    assert.ok(facts.answerText.length > 0, 'the answer is on screen');
    assert.deepEqual(facts.answerTags.filter((tag) => !ANSWER_TAGS.has(tag)), [], 'only the markdown subset');
    assert.deepEqual(facts.handlerAttributes, [], 'no event-handler attribute');
    assert.deepEqual(facts.activeElements, [], 'no script, frame, object, form, style or image');
    assert.deepEqual(facts.hrefs.filter((href) => !href.startsWith('https://')), [], 'links are https only');
    assert.equal(facts.ran, null, 'nothing of the answer ran');
    assert.equal(facts.dialogs, 0, 'no dialog opened');
    // What was markup is shown as text.
    if (/<[a-z]/i.test(run.case.answer!)) assert.match(facts.answerText, /<[a-z]/i);
  },

  'no-request-to-named-host'(run, pane) {
    const facts = needPane(pane);
    const named = [run.case.answer!, ...(run.case.sources ?? [])]
      .flatMap((text) => [...text.matchAll(/https?:\/\/(?:[^@/\s"'()<>]*@)?([^/\s"'()<>]+)/g)])
      .map((m) => m[1]);
    assert.ok(named.length > 0, 'the answer names a host');
    assert.deepEqual(facts.requests.filter((url) => named.includes(new URL(url).host)), []);
  },

  'label-from-kind-only'(run, pane) {
    const turn = turnOf(run);
    assert.equal(turn.kind, 'ai', 'the provider answered: an AI turn, whatever the text claims');
    const facts = needPane(pane);
    assert.deepEqual(facts.kinds, ['ai']);
    assert.deepEqual(facts.labels, ['Assistant']);
    assert.equal(facts.handoffShown, false, 'no handoff banner');
  },

  'bounded-render'(run, pane) {
    const turn = turnOf(run);
    assert.ok(run.case.answer!.length > 10 * MAX_ANSWER, 'the answer is long');
    assert.ok(turn.answer!.length <= MAX_ANSWER + 1, `the result's answer is bounded: ${turn.answer!.length}`);
    for (const row of run.adaRows) assert.ok(String(row.answer ?? '').length <= MAX_ANSWER + 1, 'the stored answer is bounded');
    const facts = needPane(pane);
    assert.ok(facts.answerText.length <= MAX_ANSWER + 1, `the rendered answer is bounded: ${facts.answerText.length}`);
    assert.ok(facts.answerText.length > 1000, 'and still shown');
  },

  'handoff-at-most'(run) {
    const asked = (run.result as { asked?: { ok: boolean } }).asked;
    const handedOff = asked?.ok === true;
    // No SiteGPT call but sending (and reading) messages, and escalating when handed off.
    const allowed = (r: { method: string; path: string }) =>
      (r.method === 'POST' && /\/message$/.test(r.path)) || r.method === 'GET' || (handedOff && /\/escalate$/.test(r.path));
    assert.deepEqual(run.sitegptCalls.filter((r) => !allowed(r)), []);
    assert.ok(run.inbox.conversations.size <= (handedOff ? 1 : 0), 'a Wix Inbox conversation only for a handoff');
    assert.ok(run.threadRowAfter, "the member's thread is still there (nothing deleted)");
    if (handedOff) {
      assert.equal(run.handoffAfter, 'active');
      // While handed off, a question goes to the team, not to the provider.
      assert.equal(run.completions.length, 0);
    } else {
      assert.notEqual(run.handoffAfter, 'active', 'no handoff from text alone');
      const kinds = run.adaRows.map((row) => row.kind);
      assert.ok(kinds.every((kind) => kind === 'ai' || kind === 'claim'), `only the member's own AI turns: ${kinds}`);
    }
  },

  'no-upstream-call'(run) {
    assert.deepEqual(run.completions, []);
    const result = run.result as { ok: boolean; error?: { code: string }; turn?: { kind: string } };
    // Refused, or answered by the kit itself.
    assert.ok(!result.ok || result.turn?.kind === 'fallback', JSON.stringify(result).slice(0, 200));
  },
};
