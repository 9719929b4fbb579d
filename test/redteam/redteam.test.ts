// The red-team suite (README.md here): every case of cases.ts against both completion
// providers through the whole backend, and what the member sees in the real pane in Chromium
// for the cases whose answer or secrets the member could see. One test per case and provider
// it applies to, named "<id> [<category>] <provider>", which run.ts counts per category.
import { after, before, describe, it } from 'node:test';
import { CASES, type RedTeamCase } from './cases.js';
import { startPane, type Pane, type PaneFacts } from './pane.js';
import { CHECKS } from './properties.js';
import { runCase, type Run } from './scenario.js';
import { PROVIDERS } from './upstream.js';
import { startStandins } from './standins.js';

let standins: ReturnType<typeof startStandins>;
let pane: Pane;
before(async () => {
  standins = startStandins();
  pane = await startPane();
});
after(async () => {
  await pane?.close();
  standins?.close();
});

/** The member sees answers, and could see a leaked key: those cases are rendered. */
const rendered = (c: RedTeamCase) => c.answer !== undefined || c.category === 'secrets';

/** The turns of the member's page, as page code hands them to the element. */
async function show(run: Run): Promise<PaneFacts> {
  const chat = run.afterwards[0] as { ok: boolean; history?: { threadId: string; turns: unknown[]; older: string | null; cursor: number; handoff?: string } };
  if (!chat.ok || !chat.history) throw new Error(`no page to show: ${JSON.stringify(chat).slice(0, 300)}`);
  const { handoff, ...page } = chat.history;
  return pane.show({
    // The element's chatbot (a SiteGPT ID is digits); native mode never calls SiteGPT from the page.
    'chatbot-id': '361628903185318481',
    mode: 'native',
    'member-id': 'member-ada',
    thread: page.threadId,
    messages: JSON.stringify(page),
    ...(handoff ? { handoff } : {}),
  });
}

for (const c of CASES) {
  describe(`${c.id} [${c.category}]`, () => {
    for (const provider of c.providers ?? PROVIDERS) {
      it(`${c.id} [${c.category}] ${provider}: ${c.expect.join(', ')}`, async () => {
        const run = await runCase(c, provider, standins);
        const facts = rendered(c) ? await show(run) : undefined;
        for (const property of c.expect) CHECKS[property](run, facts);
      });
    }
  });
}
