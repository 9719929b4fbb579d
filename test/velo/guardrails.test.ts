// The first guardrail, table-driven: what a member's text becomes before anything is sent or
// stored, what is refused and why, and how SiteGPT's answers and sources are cleaned.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultConfig } from '../../velo/backend/config.js';
import { cleanAnswer, cleanSources, TRUNCATION_MARKER } from '../../velo/backend/guardrails/answer.js';
import { normaliseQuestion } from '../../velo/backend/guardrails/input.js';
import { Failure } from '../../velo/backend/runtime/failure.js';

const MAX = defaultConfig.chat.maxQuestionChars;

describe('normaliseQuestion', () => {
  const kept: Array<[string, string, string]> = [
    ['plain text', 'What does it cost?', 'What does it cost?'],
    ['surrounding whitespace', '  \n\t hello \n ', 'hello'],
    ['CRLF and lone CR', 'one\r\ntwo\rthree', 'one\ntwo\nthree'],
    ['newline and tab inside', 'a\n\tb', 'a\n\tb'],
    ['NFKC: full-width letters and digits', 'ＡＢＣ１２３', 'ABC123'],
    ['NFKC: ligature and superscript', 'ﬁle x²', 'file x2'],
    ['NFKC: composed accents', 'Cafe\u0301', 'Café'],
    ['C0 controls', 'a\u0000b\u0007c\u001Bd', 'abcd'],
    ['DEL and C1 controls', 'a\u007Fb\u0085c\u009Fd', 'abcd'],
    ['zero-width space, joiners, BOM', 'pa\u200Bss\u200Cw\u200Dor\uFEFFd', 'password'],
    ['word joiner and invisible operators', 'a\u2060b\u2061c\u2062d\u2063e\u2064f', 'abcdef'],
    ['Mongolian vowel separator and soft hyphen', 'a\u180Eb\u00ADc', 'abc'],
    ['bidi marks', 'a\u200Eb\u200Fc\u061Cd', 'abcd'],
    ['bidi embeddings and overrides (Trojan Source)', 'x\u202Ay\u202Bz\u202C1\u202D2\u202E3', 'xyz123'],
    ['bidi isolates', 'a\u2066b\u2067c\u2068d\u2069e', 'abcde'],
    ['Unicode tag characters (hidden instructions)', 'hi\u{E0049}\u{E0067}\u{E006E}\u{E007F}!', 'hi!'],
    ['emoji (a joined family falls apart into its people: U+200D is removed)', 'thanks 👍🏽 👨\u200D👩\u200D👧', 'thanks 👍🏽 👨👩👧'],
    ['exactly the limit, counted in code points', '😀'.repeat(MAX), '😀'.repeat(MAX)],
  ];
  for (const [name, input, expected] of kept) {
    it(`keeps ${name}`, () => assert.equal(normaliseQuestion(input, MAX), expected));
  }

  const refused: Array<[string, string, RegExp]> = [
    ['empty', '', /empty/],
    ['only whitespace', ' \n\t ', /empty/],
    ['only invisible characters', '\u200B\u202E\u{E0041}\u0000', /empty/],
    ['one code point too many', 'a'.repeat(MAX + 1), new RegExp(`${MAX + 1} characters, at most ${MAX}`)],
    ['too long in code points even if trimmed', ` ${'é'.repeat(MAX + 5)} `, /too long/],
  ];
  for (const [name, input, message] of refused) {
    it(`refuses ${name} with INVALID_INPUT that says why`, () => {
      assert.throws(
        () => normaliseQuestion(input, MAX),
        (error: unknown) => error instanceof Failure && error.code === 'INVALID_INPUT' && message.test(error.message),
      );
    });
  }
});

describe('cleanAnswer', () => {
  const limits = { maxAnswerChars: 50 };
  const cases: Array<[string, string, string]> = [
    ['markdown as it is', '**bold** and `code`\n\n- a\n- b', '**bold** and `code`\n\n- a\n- b'],
    ['controls, zero-width, bidi and tags removed', 'a\u0000\u200B\u202E\u{E0041}b', 'ab'],
    ['CRLF as LF, trimmed', '\r\n answer\r\n', 'answer'],
    ['raw HTML kept as text (the element renders it inert)', '<script>alert(1)</script>', '<script>alert(1)</script>'],
  ];
  for (const [name, input, expected] of cases) it(`keeps ${name}`, () => assert.equal(cleanAnswer(input, limits), expected));

  it('cuts a long answer at the limit with a marker, never splitting an emoji', () => {
    const cut = cleanAnswer('😀'.repeat(200), limits);
    assert.ok(cut.endsWith(TRUNCATION_MARKER));
    assert.equal([...cut].length, 50);
    assert.ok(!/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(cut), 'no lone surrogate');
  });
});

describe('cleanSources', () => {
  const limits = { maxSources: 10, maxSourceChars: 2048 };
  it('keeps http(s) URLs only, as the URL parser writes them, without duplicates', () => {
    assert.deepEqual(
      cleanSources(
        [
          'https://example.com/a',
          'http://example.com/b',
          ' https://example.com/a ',
          'javascript:alert(1)',
          'data:text/html,<script>alert(1)</script>',
          'ftp://example.com/c',
          'not a url',
          '//example.com/protocol-relative',
          'https://user:pw@example.com/phish',
          'https://example.com/with space',
        ],
        limits,
      ),
      ['https://example.com/a', 'http://example.com/b', 'https://example.com/with%20space'],
    );
  });

  it('keeps at most 10, and none longer than 2048 characters', () => {
    const many = Array.from({ length: 15 }, (_, i) => `https://example.com/${i}`);
    assert.deepEqual(cleanSources(many, limits), many.slice(0, 10));
    assert.deepEqual(cleanSources([`https://example.com/${'a'.repeat(2048)}`], limits), []);
  });
});
