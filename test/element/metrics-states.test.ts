import { expect } from '@open-wc/testing';
import { figures, metricsElement, part, record, root, showing, text, type Metrics } from './metrics-helpers.js';

/** The other figures and the errors, as `name: value`. */
const rows = (el: Metrics) => [...part(el, 'more')[0]!.querySelectorAll('dl div')].map((row) => `${row.querySelector('dt')!.textContent}: ${row.querySelector('dd')!.textContent}`);

describe('<sitegpt-chat-metrics> states', () => {
  it('waits for page code in the loading state, and says so', async () => {
    const el = await metricsElement();
    expect(el.state).to.equal('loading');
    expect(el.getAttribute('state')).to.equal('loading');
    expect(text(el)).to.contain('Loading the figures…');
    expect(part(el, 'figure')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('shows the three headline figures, the latency chart, the other figures and the unresolved questions', async () => {
    const el = await showing(figures());
    expect(el.state).to.equal('ready');
    const cards = part(el, 'figure').map((card) => card.textContent!.replace(/\s+/g, ' ').trim());
    expect(cards).to.have.length(3);
    expect(cards[0]).to.contain('First response (median)').and.contain('2.4 s').and.contain('p95 7.9 s');
    expect(cards[1]).to.contain('Solved without a person').and.contain('64.4%').and.contain('412 of 640 member-days');
    expect(cards[2]).to.contain('Repeat questions').and.contain('5.2%').and.contain('52 of 1,000 questions');
    // Each headline figure draws its trend: one point per day.
    const sparks = root(el).querySelectorAll('svg.spark');
    expect(sparks).to.have.length(3);
    expect(sparks[0]!.querySelector('polyline')!.getAttribute('points')!.split(' ')).to.have.length(28);
    expect(sparks[0]!.getAttribute('aria-label')).to.match(/^First response \(median\) per day, from /);
    const chart = part(el, 'latency')[0]!;
    expect(chart.querySelectorAll('polyline')).to.have.length(2);
    expect(chart.textContent).to.contain('Median (p50)').and.contain('Slowest 5 % (p95)');
    expect(rows(el)).to.deep.equal([
      'Questions: 1,000',
      'Members who asked: 310',
      'Automatic replies (fallback): 4.1% (41)',
      'Low-confidence answers: 12.3% (106)',
      'Handoffs to a person: 14 · 9 after poor answers, 5 asked for',
      'Failed messages: 19',
      'UPSTREAM_UNAVAILABLE: 15',
      'RATE_LIMITED: 4',
    ]);
    expect(part(el, 'question').map((q) => q.querySelector('.text')!.textContent)).to.deep.equal(['Where is my order?', 'Do you ship to Iceland?']);
    expect(part(el, 'question')[0]!.textContent).to.contain('Asked 12×, by 9 members');
    await expect(el).to.be.accessible();
  });

  it('leaves a gap in a trend for a day without data, and draws a lone day as a dot', async () => {
    const base = figures(7);
    const days = base.days.map((d, i) => (i === 3 || i === 5 ? { ...d, latencyP50: null } : d));
    const el = await showing({ ...base, days });
    const spark = root(el).querySelector('svg.spark')!;
    // Days 0–2 are a line; days 4 and 6 stand alone.
    expect([...spark.querySelectorAll('polyline')].map((p) => p.getAttribute('points')!.split(' ').length)).to.deep.equal([3]);
    expect(spark.querySelectorAll('circle')).to.have.length(2);
  });

  it('shows tokens only when the provider counted some', async () => {
    const el = await showing(figures(7, { tokens: { prompt: 12_000, completion: 3_400 } }));
    expect(rows(el)).to.include('Tokens (prompt + answer): 15,400');
  });

  it('says so when the range holds no conversations', async () => {
    const empty = figures(7, { turns: 0, questions: 0, members: 0, memberDays: 0, solvedMemberDays: 0, unresolved: [], errors: [] });
    const el = await showing(empty);
    expect(el.state).to.equal('empty');
    expect(text(el)).to.contain('No conversations in this range.');
    expect(part(el, 'csv-link')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('shows an error in words with Try again, which asks for the same range again', async () => {
    const el = await showing(figures(7));
    el.setAttribute('error', 'UPSTREAM_UNAVAILABLE');
    await el.updateComplete;
    expect(el.state).to.equal('error');
    expect(text(el)).to.contain('The figures could not be loaded. This took too long or the data could not be reached.');
    await expect(el).to.be.accessible();
    const asked = record<{ from: number; to: number }>(el, 'sitegpt-metrics-request');
    part(el, 'retry-button')[0]!.click();
    await el.updateComplete;
    const shown = figures(7);
    expect(asked).to.deep.equal([{ from: shown.from, to: shown.to }]);
    expect(el.state).to.equal('loading');
    // The same code again (the retry failed too) ends the loading again.
    el.setAttribute('error', 'UPSTREAM_UNAVAILABLE');
    await el.updateComplete;
    expect(el.state).to.equal('error');
  });

  it("tells a visitor who is not an admin that the figures are for the site's admins", async () => {
    const el = await metricsElement({ error: 'NOT_SIGNED_IN' });
    expect(text(el)).to.contain("Only the site's admins can see these figures.");
  });

  it('refuses figures it cannot read: not JSON, the wrong shape, too long, a range that runs backwards', async () => {
    const good = figures(7);
    for (const value of ['{', JSON.stringify({ ...good, days: 'many' }), JSON.stringify({ ...good, rates: { ...good.rates, fallback: 2 } }), JSON.stringify({ ...good, from: good.to, to: good.from }), JSON.stringify({ ...good, pad: 'x'.repeat(300 * 1024) })]) {
      const el = await showing(value);
      expect(el.state, value.slice(0, 40)).to.equal('error');
      expect(root(el).querySelector('.state')!.getAttribute('data-code')).to.equal('INVALID_ATTRIBUTE');
      expect(part(el, 'retry-button')).to.have.length(0);
      expect(text(el)).to.contain('These figures could not be read.');
    }
  });

  it('speaks German with lang="de"', async () => {
    const el = await showing(figures(7), { lang: 'de' });
    expect(text(el)).to.contain('Chat-Kennzahlen').and.contain('Ohne Person gelöst').and.contain('64,4 %').and.contain('2,4 s');
    expect(part(el, 'range-button').map((b) => b.textContent)).to.deep.equal(['Letzte 7 Tage', 'Letzte 28 Tage', 'Eigener']);
  });

  it('fits a 360 px phone: the cards stack and nothing scrolls sideways', async () => {
    const el = await showing(figures());
    el.style.width = '360px';
    await el.updateComplete;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const cards = part(el, 'figure').map((card) => card.getBoundingClientRect());
    expect(cards[1]!.top).to.be.greaterThan(cards[0]!.bottom - 1);
    for (const box of [...root(el).querySelectorAll<HTMLElement>('.figure, .panel-box, .head')]) {
      expect(box.scrollWidth, box.className).to.be.at.most(box.clientWidth + 1);
      expect(box.getBoundingClientRect().right, box.className).to.be.at.most(el.getBoundingClientRect().right + 1);
    }
    await expect(el).to.be.accessible();
  });
});
