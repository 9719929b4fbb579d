import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../element/src/metrics/sitegpt-chat-metrics.bundle.js';
import type { SetupCheck, SetupReport } from '../../contract/setup.js';
import type { SitegptSetupCheckElement } from '../../element/src/metrics/sitegpt-setup-check.js';

function report(checks: SetupCheck[]): SetupReport {
  return { checkedAt: Date.UTC(2026, 10, 23, 16, 0), tookMs: 1234, checks };
}

const PASSING: SetupCheck[] = [
  { id: 'secret-api-key', status: 'pass', title: 'Secret SITEGPT_API_KEY', found: 'Set.' },
  { id: 'collection-threads', status: 'pass', title: 'Collection SiteGptMemberThreads', found: 'Present, admins only, with all 16 fields.' },
];

const BROKEN: SetupCheck[] = [
  { id: 'secret-api-key', status: 'fail', title: 'Secret SITEGPT_API_KEY', found: 'Missing.', fix: 'Open the Secrets Manager and add it.' },
  { id: 'collection-threads', status: 'pass', title: 'Collection SiteGptMemberThreads', found: 'Present.' },
  { id: 'collection-messages', status: 'warn', title: 'Collection SiteGptMessages', found: 'Missing field: threadId.', fix: 'Add threadId (Text).' },
  { id: 'sitegpt-access', status: 'unchecked', title: 'SiteGPT key and chatbot', found: 'Not checked: it needs both secrets.', fix: 'Add the missing secret.' },
];

async function showing(checks: SetupCheck[]): Promise<SitegptSetupCheckElement> {
  const el = await fixture<SitegptSetupCheckElement>(html`<sitegpt-setup-check></sitegpt-setup-check>`);
  el.setAttribute('report', JSON.stringify({ ok: true, ...report(checks) }));
  await el.updateComplete;
  return el;
}

const rows = (el: HTMLElement) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="check"]')];
const summary = (el: HTMLElement) => el.shadowRoot!.querySelector('[role="status"]')!.textContent!.trim();

describe('<sitegpt-setup-check>', () => {
  it('says so when everything passes, and shows each row with its status in words', async () => {
    const el = await showing(PASSING);
    expect(el.getAttribute('state')).to.equal('ready');
    expect(el.matches(':state(ready)')).to.equal(true);
    expect(summary(el)).to.equal('Everything is set up: all 2 checks passed.');
    expect(rows(el).map((row) => row.dataset.id)).to.deep.equal(['secret-api-key', 'collection-threads']);
    expect(rows(el)[0]!.textContent).to.match(/Secret SITEGPT_API_KEY\s*OK\s*Set\.\s*Check ID secret-api-key/);
    expect(el.shadowRoot!.querySelector('.fix')).to.equal(null);
  });

  it('lists what to fix first, each with what was found, what to do and its ID', async () => {
    const el = await showing(BROKEN);
    expect(summary(el)).to.equal('1 to fix, 1 to look at, 1 could not be checked; 1 of 4 passed.');
    expect(rows(el).map((row) => `${row.dataset.id}:${row.dataset.status}`)).to.deep.equal([
      'secret-api-key:fail',
      'collection-messages:warn',
      'sitegpt-access:unchecked',
      'collection-threads:pass',
    ]);
    const [fail, warn] = rows(el);
    expect(fail!.querySelector('.status')!.textContent).to.equal('Fix this');
    expect(fail!.querySelector('.found')!.textContent).to.equal('Missing.');
    expect(fail!.querySelector('.fix')!.textContent).to.equal('What to do: Open the Secrets Manager and add it.');
    expect(warn!.querySelector('.status')!.textContent).to.equal('Check this');
    expect(fail!.querySelector('code')!.textContent).to.equal('secret-api-key');
  });

  it('Check again asks page code with an event and shows it is checking until the answer', async () => {
    const el = await showing(BROKEN);
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="check-button"]')!;
    setTimeout(() => button.click());
    const event = await oneEvent(el, 'sitegpt-setup-request');
    expect(event.bubbles && event.composed).to.equal(true);
    await el.updateComplete;
    expect(el.getAttribute('state')).to.equal('loading');
    expect(summary(el)).to.equal('Checking the setup…');
    expect(button.disabled).to.equal(true);
    el.setAttribute('report', JSON.stringify(report(PASSING)));
    await el.updateComplete;
    expect(el.getAttribute('state')).to.equal('ready');
    expect(summary(el)).to.match(/^Everything is set up/);
  });

  it('says who may run it when Wix refused the call, and offers Try again', async () => {
    const el = await fixture<SitegptSetupCheckElement>(html`<sitegpt-setup-check></sitegpt-setup-check>`);
    expect(el.getAttribute('state')).to.equal('loading');
    el.setAttribute('error', 'NOT_SIGNED_IN');
    await el.updateComplete;
    expect(el.getAttribute('state')).to.equal('error');
    expect(summary(el)).to.match(/^Only the site's admins can run the setup check/);
    expect(el.shadowRoot!.querySelector('[part~="check-button"]')!.textContent!.trim()).to.equal('Try again');
    expect(rows(el)).to.have.length(0);
  });

  it('renders hostile words as text and refuses a report that is not the contract', async () => {
    const hostile = '<img src=x onerror="window.__setupHacked=1"><script>window.__setupHacked=1</script>';
    const el = await showing([{ id: 'settings-item', status: 'warn', title: hostile.slice(0, 120), found: hostile, fix: hostile }]);
    await new Promise((done) => setTimeout(done, 50));
    expect((window as { __setupHacked?: number }).__setupHacked).to.equal(undefined);
    expect(el.shadowRoot!.querySelector('img, script')).to.equal(null);
    expect(rows(el)[0]!.querySelector('.found')!.textContent).to.equal(hostile);

    el.setAttribute('report', JSON.stringify({ checkedAt: 1, tookMs: 1, checks: [{ id: 'secret-api-key', status: 'great', title: 'x', found: 'y' }] }));
    await waitUntil(() => el.getAttribute('state') === 'error');
    expect(summary(el)).to.match(/answer could not be read/);
    el.setAttribute('report', 'x'.repeat(64 * 1024 + 1));
    await el.updateComplete;
    expect(el.getAttribute('state')).to.equal('error');
  });
});
