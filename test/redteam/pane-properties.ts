/**
 * The properties of the table (cases.ts) that read what the member sees: the pane rendered in
 * Chromium (pane.ts), beside the turn the backend returned and stored. properties.ts joins them
 * to the backend's checks; the helpers here are shared by both.
 */
import assert from 'node:assert/strict';
import type { Property } from './cases.js';
import type { PaneFacts } from './pane.js';
import type { Run } from './scenario.js';

/** The pane's own markup for an answer: the safe markdown subset. */
const ANSWER_TAGS = new Set(['DIV', 'P', 'UL', 'OL', 'LI', 'STRONG', 'EM', 'CODE', 'PRE', 'A', 'BR']);
const MAX_ANSWER = 16_000;

export type Check = (run: Run, pane: PaneFacts | undefined) => void;

export const turnOf = (run: Run) => {
  const result = run.result as { ok: boolean; turn?: { kind: string; answer: string | null; question: string | null } };
  assert.ok(result.ok && result.turn, `the send answered a turn: ${JSON.stringify(run.result).slice(0, 300)}`);
  return result.turn;
};

export function needPane(pane: PaneFacts | undefined): PaneFacts {
  assert.ok(pane, 'this property is checked on the rendered pane');
  return pane;
}

type PaneProperty = Extract<Property, 'no-executable-markup' | 'no-request-to-named-host' | 'label-from-kind-only' | 'bounded-render'>;

export const PANE_CHECKS: Record<PaneProperty, Check> = {
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
    // Sources are hosts the answer names only where the provider returns them (SiteGPT).
    const sources = run.provider === 'sitegpt' ? (run.case.sources ?? []) : [];
    const named = [run.case.answer!, ...sources]
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
};
