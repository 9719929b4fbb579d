import { expect } from '@open-wc/testing';
import { THREAD_A, EMAIL, SIGNATURE, STANDIN_URL, chat, frame, oneEvent, set, text, untilState } from './helpers.js';

declare global {
  interface Window {
    __pwned?: number;
  }
}

const HOSTILE = [
  '<img src=x onerror="window.__pwned=1">',
  '"><script>window.__pwned=1</script>',
  "' onmouseover='window.__pwned=1",
  'javascript:window.__pwned=1',
  'data:text/html,<script>window.__pwned=1</script>',
  '{thread}',
  '../../../etc/passwd',
  'x'.repeat(10_000),
  '9'.repeat(10_000),
  ' 361628903185318481 ',
  '361628903185318481\n',
  '\u202Eevil',
  'ab\u200Bcd',
  '３６１６２８９０３１８５３１８４８１',
  'аaaaaaa-1111-4111-8111-aaaaaaaaaaaa',
  'AAAAAAAA-1111-4111-8111-AAAAAAAAAAAA\u0000',
];

// Structured attributes: every hostile value must be refused.
const ATTRIBUTES = [
  'chatbot-id',
  'member-id',
  'thread',
  'email',
  'email-signature',
  'error',
  'notice',
  'widget-strategy',
  'ready-on',
  'widget-url',
  'loader-url',
  'loader-isolation',
  'resume-command',
  'widget-context',
  'lang',
  'signed-out-delay',
  'widget-timeout',
  'mode',
  'messages',
  'send-error',
  'starters',
  'service',
];

describe('<sitegpt-member-chat> hostile attribute values', () => {
  afterEach(() => expect(window.__pwned).to.equal(undefined));

  for (const attribute of ATTRIBUTES) {
    it(`refuses every hostile ${attribute}: error view, sitegpt-error, nothing injected`, async () => {
      for (const value of HOSTILE) {
        const el = await chat({ 'member-id': 'member-a', thread: THREAD_A });
        const failed = oneEvent(el, 'sitegpt-error');
        set(el, { [attribute]: value });
        const { detail } = await failed;
        expect(detail, JSON.stringify(value.slice(0, 40))).to.deep.include({ code: 'INVALID_ATTRIBUTE', attribute });
        expect(el.state).to.equal('error');
        expect(frame(el)).to.equal(null);
        const root = el.shadowRoot!;
        expect(root.querySelectorAll('img, script, a, [onerror], [onmouseover]').length).to.equal(0);
        if (value.length > 3) expect(root.innerHTML).not.to.contain(value.trim());
        expect(text(el)).to.contain('This chat is not set up correctly.');
        el.remove();
      }
    });
  }

  it('shows labels as plain text, never as markup', async () => {
    const label = '<img src=x onerror="window.__pwned=1"><b>Sign in</b>';
    const el = await chat({ 'member-id': '', 'label-sign-in': label });
    const signIn = el.shadowRoot!.querySelector('[part~="sign-in-button"]')!;
    expect(signIn.textContent!.trim()).to.equal(label);
    expect(el.shadowRoot!.querySelectorAll('img, b').length).to.equal(0);
  });

  it('refuses a 10 kB label', async () => {
    const el = await chat({ 'member-id': '' });
    const failed = oneEvent(el, 'sitegpt-error');
    set(el, { 'label-retry': 'x'.repeat(10_000) });
    expect((await failed).detail).to.deep.include({ code: 'INVALID_ATTRIBUTE', attribute: 'label-retry' });
  });

  it('encodes identity values into the widget URL, never splicing them in raw', async () => {
    const email = "o'neil+chat@example.com";
    const el = await chat({
      'widget-url': `${STANDIN_URL}&who={email}&sig={signature}`,
      'member-id': 'member-a',
      thread: THREAD_A,
      email,
      'email-signature': SIGNATURE,
    });
    await untilState(el, 'ready');
    const src = new URL(frame(el)!.src);
    expect(src.searchParams.get('who')).to.equal(email);
    expect(src.searchParams.get('sig')).to.equal(SIGNATURE);
    expect(src.search).not.to.contain('+chat@');
    // A template that places the identity itself gets no extra parameters.
    expect(src.searchParams.has('user_email')).to.be.false;
  });

  it('recovers once the bad value is corrected', async () => {
    const el = await chat({ 'member-id': 'member-a', thread: 'not-a-thread' });
    expect(el.state).to.equal('error');
    set(el, { thread: THREAD_A, email: EMAIL });
    await untilState(el, 'ready');
  });
});
