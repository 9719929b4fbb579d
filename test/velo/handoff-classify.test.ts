// The classification of answers and questions (architecture.md §10), table by table: each
// low-confidence reason, the refusal phrases (built-in, German, the operator's), the repeat
// rule's normal form and its Jaccard threshold at exactly 0.79 and 0.8, and reactions.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { QuestionStamp, TurnRow } from '../../velo/backend/ports.js';
import { DEFAULT_SETTINGS, type Settings } from '../../velo/backend/guardrails/settings-schema.js';
import { classifyAnswers, isPoor, lowConfidenceReasons, withReaction } from '../../velo/backend/handoff/classify.js';
import { jaccard, questionForm, repeatsOneOf, saysRefusal } from '../../velo/backend/handoff/text-match.js';
import { turnRow } from './support/transcript-store-contract.js';

const SITEGPT: Settings = { ...DEFAULT_SETTINGS, provider: 'sitegpt' };
const OPENAI: Settings = { ...DEFAULT_SETTINGS, provider: 'openai' };
const SOURCES = ['https://example.com/a'];

describe('low confidence: each reason', () => {
  const cases: Array<[string, Partial<TurnRow>, Settings, string[]]> = [
    ['a cited answer is good', { answer: 'Open Settings, then Billing.', sources: SOURCES }, SITEGPT, []],
    ['no answer at all', { answer: null, sources: [] }, SITEGPT, ['no-answer']],
    ['an answer of whitespace only', { answer: ' \n\t ', sources: SOURCES }, SITEGPT, ['no-answer']],
    ['no sources, from SiteGPT (which cites its pages)', { answer: 'Open Settings.', sources: [] }, SITEGPT, ['no-sources']],
    ['no sources, from the OpenAI-compatible provider (which never cites): not flagged', { answer: 'Open Settings.', sources: [] }, OPENAI, []],
    ['a refusal', { answer: "I'm sorry, I don't know the answer to that.", sources: SOURCES }, SITEGPT, ['refusal']],
    ['a refusal without sources', { answer: "I couldn't find anything about refunds.", sources: [] }, SITEGPT, ['no-sources', 'refusal']],
    ['a thumbs-down on a good answer', { answer: 'Open Settings.', sources: SOURCES, reaction: 'NEGATIVE' }, SITEGPT, ['negative-reaction']],
    ['a thumbs-up changes nothing', { answer: 'Open Settings.', sources: SOURCES, reaction: 'POSITIVE' }, SITEGPT, []],
    ['no answer and a thumbs-down', { answer: null, sources: [], reaction: 'NEGATIVE' }, SITEGPT, ['no-answer', 'negative-reaction']],
  ];
  for (const [name, row, settings, reasons] of cases) {
    it(name, () => assert.deepEqual(lowConfidenceReasons({ answer: null, sources: [], reaction: null, ...row }, settings), reasons));
  }
});

describe('refusal phrases: whole words, any case, any apostrophe, English, German and the operator\'s', () => {
  const cases: Array<[string, string, string[], boolean]> = [
    ['built-in, as written', "I don't know.", [], true],
    ['upper case and a typographic apostrophe', 'I DON’T KNOW!', [], true],
    ['spaced out punctuation', "Hmm — i 'm not sure, sorry", [], true],
    ['in the middle of a longer answer', 'Thanks for asking. I could not find that page on our site.', [], true],
    ["can't help", "Sorry, I can't help with that.", [], true],
    ['German: ich weiß es nicht', 'Das tut mir leid, ich weiß es nicht.', [], true],
    ['German: nicht sicher', 'Ich bin mir nicht sicher, ob das geht.', [], true],
    ['German: nichts gefunden', 'Ich konnte nichts finden.', [], true],
    ['German: kann nicht helfen', 'Dabei kann ich nicht helfen.', [], true],
    ['a phrase only inside another word does not count', "Kidon't knowledge base", [], false],
    ['an answer that knows', 'I know exactly: open Settings.', [], false],
    ["the operator's phrase", 'Please contact our support team for this.', ['contact our support team'], true],
    ["the operator's phrase, other case and punctuation", 'PLEASE CONTACT OUR SUPPORT-TEAM.', ['Contact our support team'], true],
    ["an operator's phrase of punctuation only matches nothing", 'Anything at all.', ['!!!'], false],
  ];
  for (const [name, answer, extra, expected] of cases) {
    it(name, () => assert.equal(saysRefusal(answer, extra), expected));
  }
  it('the settings phrases reach the classifier', () => {
    const settings = { ...SITEGPT, refusalPhrases: ['ask a human'] };
    assert.deepEqual(lowConfidenceReasons({ answer: 'You should ask a human.', sources: SOURCES, reaction: null }, settings), ['refusal']);
    assert.deepEqual(lowConfidenceReasons({ answer: 'You should ask a human.', sources: SOURCES, reaction: null }, SITEGPT), []);
  });
});

describe('repeats: the normal form', () => {
  const cases: Array<[string, string, string, boolean]> = [
    ['the same text', 'Where is my order?', 'Where is my order?', true],
    ['case, punctuation and spacing', 'where is   MY order', 'Where is my order?!', true],
    ['full-width letters (NFKC)', 'Ｗhere is my order', 'where is my order', true],
    ['the same words in another order', 'my order where is', 'where is my order', true],
    ['a different question', 'How do I cancel?', 'Where is my order?', false],
    ['punctuation only repeats nothing', '???', '???', false],
  ];
  for (const [name, question, earlier, expected] of cases) {
    it(name, () => assert.equal(repeatsOneOf(question, [earlier]), expected));
  }
});

describe('repeats: token Jaccard at the threshold', () => {
  const words = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `w${i + from}`).join(' ');
  it('4 shared of 5 words is exactly 0.8: a repeat', () => {
    const [a, b] = [questionForm(words(4)), questionForm(words(5))];
    assert.equal(jaccard(a.tokens, b.tokens), 0.8);
    assert.equal(repeatsOneOf(words(5), [words(4)]), true);
  });
  it('79 shared of 100 words is 0.79: not a repeat', () => {
    const [a, b] = [questionForm(words(79)), questionForm(words(100))];
    assert.equal(jaccard(a.tokens, b.tokens), 0.79);
    assert.equal(repeatsOneOf(words(100), [words(79)]), false);
  });
  it('80 shared of 100 words is 0.8 again: a repeat', () => {
    assert.equal(repeatsOneOf(words(100), [words(80)]), true);
  });
});

describe('the classifier on a row', () => {
  const stamp = (id: string, question: string, askedAt: number, memberId = 'member-ada'): QuestionStamp => ({
    _id: id,
    memberId,
    kind: 'ai',
    askedAt,
    details: { threadId: 'thread-1', status: 'answered', question },
  });
  const now = Date.UTC(2026, 2, 2, 12);
  const asked = turnRow({ _id: 'this', askedAt: now, question: 'Where is my order?', answer: 'In transit.', sources: SOURCES });

  it('flags a repeat of the member\'s own question of the last 24 h, and sets low confidence on AI answers', async () => {
    const row = await classifyAnswers.classify(asked, SITEGPT, { earlier: [stamp('a', 'where is my ORDER', now - 23 * 3_600_000)] });
    assert.equal(row.repeat, true);
    assert.deepEqual(row.lowConfidence, []);
  });

  it('not a repeat: older than 24 h, another member\'s, or the turn itself (a retry)', async () => {
    for (const earlier of [
      [stamp('a', 'Where is my order?', now - 24 * 3_600_000 - 1)],
      [stamp('b', 'Where is my order?', now - 60_000, 'member-bob')],
      [stamp('this', 'Where is my order?', now - 60_000)],
    ]) {
      assert.equal((await classifyAnswers.classify(asked, SITEGPT, { earlier })).repeat, false);
    }
  });

  it('a static reply gets the repeat flag but no low-confidence reasons (it is not an AI answer)', async () => {
    const fallback = { ...asked, kind: 'fallback' as const, sources: [] };
    const row = await classifyAnswers.classify(fallback, SITEGPT, { earlier: [stamp('a', 'Where is my order?', now - 1000)] });
    assert.equal(row.repeat, true);
    assert.equal(row.lowConfidence, undefined);
  });

  it('a thumbs-down adds negative-reaction and keeps the other reasons; a thumbs-up or neutral takes only it away', () => {
    const poor = { ...asked, lowConfidence: ['no-sources'] };
    assert.deepEqual(withReaction(poor, 'NEGATIVE'), { lowConfidence: ['no-sources', 'negative-reaction'] });
    const down = { ...poor, lowConfidence: ['no-sources', 'negative-reaction'] };
    assert.deepEqual(withReaction(down, 'POSITIVE'), { lowConfidence: ['no-sources'] });
    assert.deepEqual(withReaction(down, null), { lowConfidence: ['no-sources'] });
    assert.equal(isPoor({ lowConfidence: ['negative-reaction'] }), true);
    assert.equal(isPoor({ lowConfidence: [] }), false);
    // An agent's reply is never an AI answer; a row written before the flags stays unflagged unless thumbed down.
    assert.deepEqual(withReaction({ ...asked, kind: 'agent' }, 'NEGATIVE'), {});
    assert.deepEqual(withReaction(asked, 'POSITIVE'), {});
    assert.deepEqual(withReaction(asked, 'NEGATIVE'), { lowConfidence: ['negative-reaction'] });
  });
});
