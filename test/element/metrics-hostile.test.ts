import { expect } from '@open-wc/testing';
import { figures, metricsElement, part, root, showing, text } from './metrics-helpers.js';

const HOSTILE = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=2</script>',
  '[click](javascript:window.__pwned=3)',
  '</li><a href="https://evil.example">win</a>',
  '{{constructor.constructor("window.__pwned=4")()}}',
];

describe('<sitegpt-chat-metrics> with hostile values', () => {
  it('shows member questions as text only: no element, no link, no script comes of them', async () => {
    const at = Date.now();
    const el = await showing(figures(7, { unresolved: HOSTILE.map((question, i) => ({ question, count: 5 - i, members: 1, lastAskedAt: at })) }));
    expect(part(el, 'question').map((q) => q.querySelector('.text')!.textContent)).to.deep.equal(HOSTILE);
    for (const question of part(el, 'question')) {
      expect(question.querySelector('.text')!.children, question.textContent!).to.have.length(0);
    }
    expect(root(el).querySelectorAll('img, script, iframe, a:not([part~="csv-link"])')).to.have.length(0);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('reads an error code it does not know, or one that is not a code, as a plain failure', async () => {
    for (const code of ['<b>BAD</b>', 'SOMETHING_NEW']) {
      const el = await metricsElement({ error: code });
      expect(el.state).to.equal('error');
      expect(text(el)).to.contain('The figures could not be loaded.');
      expect(text(el)).not.to.contain('<b>');
      expect(root(el).querySelectorAll('b')).to.have.length(0);
    }
  });

  it('refuses a question longer than the contract allows, and an unknown error code in the figures', async () => {
    const at = Date.now();
    for (const bad of [
      figures(7, { unresolved: [{ question: 'x'.repeat(301), count: 1, members: 1, lastAskedAt: at }] }),
      { ...figures(7), errors: [{ code: '<img src=x>', count: 1 }] },
    ]) {
      const el = await showing(JSON.stringify(bad));
      expect(el.state).to.equal('error');
      expect(root(el).querySelectorAll('img')).to.have.length(0);
    }
  });
});
