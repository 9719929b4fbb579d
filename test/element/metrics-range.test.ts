import { expect } from '@open-wc/testing';
import { lastDays } from '../../element/src/metrics/date-range.js';
import { figures, metricsElement, part, record, root, showing, text } from './metrics-helpers.js';

const pressed = (el: Parameters<typeof part>[0]) => part(el, 'range-button').map((b) => b.getAttribute('aria-pressed'));

async function openCustom(el: Parameters<typeof part>[0], first: string, last: string): Promise<void> {
  part(el, 'range-button')[2]!.click();
  await el.updateComplete;
  const form = part(el, 'custom-range')[0] as HTMLFormElement;
  form.querySelector<HTMLInputElement>('[name="first"]')!.value = first;
  form.querySelector<HTMLInputElement>('[name="last"]')!.value = last;
  part(el, 'apply-button')[0]!.click();
  await el.updateComplete;
}

describe('<sitegpt-chat-metrics> date range', () => {
  it('starts on the last 28 days, and shows the range of the figures it was given', async () => {
    const el = await metricsElement();
    expect(pressed(el)).to.deep.equal(['false', 'true', 'false']);
    el.setAttribute('metrics', JSON.stringify(figures(7)));
    await el.updateComplete;
    expect(pressed(el)).to.deep.equal(['true', 'false', 'false']);
  });

  it('asks for the last 7 days, from local midnight six days ago to the end of today, and waits for them', async () => {
    const el = await showing(figures(28));
    const asked = record<{ from: number; to: number }>(el, 'sitegpt-metrics-request');
    part(el, 'range-button')[0]!.click();
    await el.updateComplete;
    const week = lastDays(7, Date.now());
    expect(asked).to.deep.equal([week]);
    expect(new Date(week.from).getHours()).to.equal(0);
    expect(el.state).to.equal('loading');
    expect(pressed(el)).to.deep.equal(['true', 'false', 'false']);
  });

  it('drops figures for a range asked for before the last one', async () => {
    const el = await showing(figures(28));
    part(el, 'range-button')[0]!.click(); // 7 days
    await el.updateComplete;
    el.setAttribute('metrics', JSON.stringify(figures(28, { questions: 999 }))); // the 28 days' answer, late
    await el.updateComplete;
    expect(el.state).to.equal('loading');
    el.setAttribute('metrics', JSON.stringify(figures(7)));
    await el.updateComplete;
    expect(el.state).to.equal('ready');
    expect(part(el, 'figure')[2]!.textContent).to.contain('of 1,000 questions');
  });

  it('asks for whole custom days, the last one included', async () => {
    const el = await showing(figures(7));
    const asked = record<{ from: number; to: number }>(el, 'sitegpt-metrics-request');
    await openCustom(el, '2026-01-05', '2026-01-11');
    expect(asked).to.deep.equal([{ from: new Date(2026, 0, 5).getTime(), to: new Date(2026, 0, 12).getTime() }]);
    expect(pressed(el)).to.deep.equal(['false', 'false', 'true']);
    await expect(el).to.be.accessible();
  });

  for (const [what, first, last] of [
    ['a first day after the last', '2026-01-11', '2026-01-05'],
    ['more than 92 days', '2026-01-01', '2026-04-03'],
  ] as const) {
    it(`refuses ${what} in words, and asks for nothing`, async () => {
      const el = await showing(figures(7));
      const asked = record(el, 'sitegpt-metrics-request');
      await openCustom(el, first, last);
      expect(asked).to.have.length(0);
      expect(root(el).querySelector('[role="alert"]')!.textContent).to.equal('Choose a first day before the last, at most 92 days apart.');
      expect(el.state).to.equal('ready');
    });
  }

  it('needs both days: the browser asks for the missing one, nothing is asked of page code', async () => {
    const el = await showing(figures(7));
    const asked = record(el, 'sitegpt-metrics-request');
    await openCustom(el, '', '2026-01-05');
    expect(asked).to.have.length(0);
    expect(part(el, 'custom-range')[0]!.querySelector<HTMLInputElement>('[name="first"]')!.validity.valueMissing).to.be.true;
  });

  it('takes exactly 92 days', async () => {
    const el = await showing(figures(7));
    const asked = record<{ from: number; to: number }>(el, 'sitegpt-metrics-request');
    await openCustom(el, '2026-01-01', '2026-04-02');
    expect(asked).to.have.length(1);
    expect(text(el)).not.to.contain('Choose a first day');
  });
});
