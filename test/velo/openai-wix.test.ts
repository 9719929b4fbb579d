// The OpenAI-compatible provider on Wix's side: the real Wix adapters (the @wix/* SDK, msw
// playing the site) with the operator's settings in SiteGptSettings, OPENAI_API_KEY read from
// the Secrets Manager through the secrets port, the answer's tokens stored in SiteGptMessages,
// the token budget summed by Wix Data's aggregate, and what one message costs in CMS calls.
import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { setupServer } from 'msw/node';
import { createOpenAiStandin, OPENAI_KEY, OPENAI_SETTINGS } from './support/openai-standin.js';
import { createStandin, siteSecrets } from './support/standin.js';
import { wixKit } from './support/wix-core.js';
import { useWixSdk, WixFake } from './support/wix-fake.js';

const wix = new WixFake();
const sitegpt = createStandin();
const openai = createOpenAiStandin();
const server = setupServer(...wix.handlers, ...sitegpt.handlers, ...openai.handlers);
const newId = () => crypto.randomUUID();
const turnRows = () => wix.rows('SiteGptMessages').filter((r) => r.kind !== 'claim');
const settingsItem = (fields: Record<string, unknown>) => wix.cms.set('SiteGptSettings', new Map([['s', { _id: 's', ...OPENAI_SETTINGS, ...fields }]]));

before(() => {
  useWixSdk();
  server.listen({ onUnhandledRequest: 'error' });
});
beforeEach(() => {
  for (const [name, value] of Object.entries(siteSecrets({ OPENAI_API_KEY: OPENAI_KEY }))) wix.secrets.set(name, value);
  wix.session.member = { id: 'member-ada', loginEmail: 'ada@example.com' };
});
afterEach(() => {
  wix.reset();
  sitegpt.reset();
  openai.reset();
});
after(() => server.close());

describe('the OpenAI-compatible provider on Wix', () => {
  it('reads OPENAI_API_KEY from the Secrets Manager, stores the tokens in SiteGptMessages, in 3 CMS reads and 3 writes', async () => {
    settingsItem({});
    const { kit } = wixKit({ config: { openai: { requestMs: 2_000 } } });
    const chat = await kit.getMemberChat();
    assert.ok(chat.ok);
    wix.requests.length = 0;
    const sent = await kit.sendChatMessage({ clientMessageId: newId(), text: 'Where is my order?' });
    assert.ok(sent.ok, JSON.stringify(sent));
    assert.equal(openai.requests[0]!.headers.authorization, `Bearer ${OPENAI_KEY}`);
    assert.equal(wix.count('/secrets/name/OPENAI_API_KEY'), 1);
    const [row] = turnRows();
    const tokens = row!.tokens as { prompt: number; completion: number };
    assert.ok(tokens.prompt > 0 && tokens.completion > 0);
    assert.equal(row!.tokensUsed, tokens.prompt + tokens.completion, 'a plain number Wix can sum');
    const data = wix.requests.filter((r) => r.path.includes('/wix-data/'));
    assert.equal(data.filter((r) => r.method === 'GET').length, 3, 'reads: the member row, the rate-limit count, the history page');
    assert.equal(data.filter((r) => r.method === 'POST').length, 3, 'writes: the rate-limit slot, insert pending, update answered');
  });

  it('the token budget is summed by Wix Data (aggregate over tokensUsed): at 100 % the answer is static', async () => {
    settingsItem({ monthlyTokenBudget: 40 });
    const { kit, log } = wixKit({ config: { openai: { requestMs: 2_000 }, guardrails: { budgetCacheMs: 0 } } });
    const first = await kit.sendChatMessage({ clientMessageId: newId(), text: 'A first question that costs more than forty tokens, system prompt included.' });
    assert.ok(first.ok && first.turn.kind === 'ai');
    const second = await kit.sendChatMessage({ clientMessageId: newId(), text: 'and another' });
    assert.ok(second.ok && second.turn.kind === 'fallback', JSON.stringify(second));
    assert.equal(log.lines.at(-1)!.guard, 'budget');
    assert.equal(openai.requests.length, 1);
    const sums = wix.requests.filter((r) => r.path.endsWith('/items/aggregate'));
    assert.equal(sums.length, 2);
    assert.deepEqual((sums[0]!.body as { aggregation: unknown }).aggregation, { groupingFields: [], operations: [{ resultFieldName: 'tokens', sum: { itemFieldName: 'tokensUsed' } }] });
  });
});
