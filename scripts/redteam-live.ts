/**
 * The red-team table (test/redteam/cases.ts) against a site owner's LIVE chatbot, by hand.
 * Off by default and never in CI: it refuses to run without `--live`, with `CI` set, or without
 * the provider's key, and no npm script runs it.
 *
 *   SITEGPT_API_KEY=… SITEGPT_CHATBOT_ID=… node --import tsx scripts/redteam-live.ts --live
 *   OPENAI_API_KEY=… [OPENAI_BASE_URL=…] [OPENAI_MODEL=…] node --import tsx scripts/redteam-live.ts --live --provider openai
 *   … --only DI-01,SM-02    (some cases)
 *
 * Each case that has a member `input` (and needs no staged situation or forged call) is sent
 * through the kit's real backend (createKit, in-memory Wix ports) to the live provider, as a
 * test member (REDTEAM_MEMBER_ID, default `redteam-live-tester`) on a thread of its own; it
 * prints what came back and whether each of the case's properties holds. Those properties are
 * about what the kit owns; whether the chatbot itself followed an injection is for the person
 * reading the answers to judge. With `--provider openai` and no SiteGPT key, the member's
 * threads live on the local SiteGPT stand-in (nothing of SiteGPT is called).
 *
 * Each case costs one message of the plan (the over-long and empty inputs cost none).
 */
import { parseArgs } from 'node:util';
import { setupServer } from 'msw/node';
import type { CompletionRequestRecord } from '../test/fixtures/openai-standin/chat-completions.js';
import type { StandinRequestRecord } from '../test/fixtures/sitegpt-standin/request-record.js';
import { CASES } from '../test/redteam/cases.js';
import { CHECKS } from '../test/redteam/properties.js';
import { redact } from '../test/redteam/redact.js';
import { runCase } from '../test/redteam/scenario.js';
import type { Upstream } from '../test/redteam/upstream.js';
import { NO_LIMITS } from '../test/velo/support/memory-kit.js';
import { API_KEY as STANDIN_KEY, BASE_URL as STANDIN_BASE, createStandin } from '../test/velo/support/standin.js';

const SITEGPT_BASE = 'https://sitegpt.ai/api/v0';

function refuse(why: string): never {
  console.error(`redteam-live: ${why}\n\nUsage: SITEGPT_API_KEY=… SITEGPT_CHATBOT_ID=… node --import tsx scripts/redteam-live.ts --live [--provider sitegpt|openai] [--only ID,ID]`);
  process.exit(2);
}

const { values } = parseArgs({
  options: { live: { type: 'boolean', default: false }, provider: { type: 'string', default: 'sitegpt' }, only: { type: 'string' } },
});
if (process.env.CI) refuse('not in CI: this calls a live chatbot and spends its messages.');
if (!values.live) refuse('off by default: pass --live to send the red-team inputs to your live chatbot.');
const provider = values.provider;
if (provider !== 'sitegpt' && provider !== 'openai') refuse(`--provider is sitegpt or openai, not ${provider}.`);
const env = process.env;
const sitegptLive = Boolean(env.SITEGPT_API_KEY && env.SITEGPT_CHATBOT_ID);
if (provider === 'sitegpt' && !sitegptLive) refuse('set SITEGPT_API_KEY and SITEGPT_CHATBOT_ID (a configured SiteGPT key and chatbot).');
if (provider === 'openai' && !env.OPENAI_API_KEY) refuse('set OPENAI_API_KEY (and OPENAI_BASE_URL for an endpoint other than OpenAI).');

const wanted = values.only?.split(',').map((id) => id.trim());
const cases = CASES.filter(
  (c) => c.input !== undefined && !c.given && !c.call && (!c.providers || c.providers.includes(provider)) && (!wanted || wanted.includes(c.id)),
);
if (cases.length === 0) refuse('no case to run (--only names cases with an input, such as DI-01).');

// Threads at the local stand-in when only the OpenAI-compatible endpoint is live.
const sitegptBase = sitegptLive ? SITEGPT_BASE : STANDIN_BASE;
if (!sitegptLive) setupServer(...createStandin().handlers).listen({ onUnhandledRequest: 'bypass' });
const openaiBase = (env.OPENAI_BASE_URL ?? 'https://api.openai.com/v1').replace(/\/+$/, '');

// Every request the kit makes is recorded on its way out, as the stand-ins record theirs.
const sitegptRequests: StandinRequestRecord[] = [];
const openaiRequests: CompletionRequestRecord[] = [];
const send = globalThis.fetch;
globalThis.fetch = (input, init) => {
  const url = input instanceof Request ? input.url : String(input);
  const text = typeof init?.body === 'string' ? init.body : '';
  const body = text ? (JSON.parse(text) as unknown) : undefined;
  const method = init?.method ?? 'GET';
  const headers = Object.fromEntries(new Headers(init?.headers));
  if (url.startsWith(sitegptBase)) sitegptRequests.push({ method, path: new URL(url).pathname, url, headers, body });
  if (url.startsWith(openaiBase)) openaiRequests.push({ url, method, headers, text, body });
  return send(input, init);
};

const upstream: Upstream = {
  sitegptRequests,
  openaiRequests,
  secrets: {
    ...(sitegptLive ? { SITEGPT_API_KEY: env.SITEGPT_API_KEY!, SITEGPT_CHATBOT_ID: env.SITEGPT_CHATBOT_ID! } : {}),
    ...(env.OPENAI_API_KEY ? { OPENAI_API_KEY: env.OPENAI_API_KEY } : {}),
  },
  openaiSettings: { provider: 'openai', openaiBaseUrl: openaiBase, ...(env.OPENAI_MODEL ? { openaiModel: env.OPENAI_MODEL } : {}), ...NO_LIMITS },
  sitegptBaseUrl: sitegptBase,
  keys: [sitegptLive ? env.SITEGPT_API_KEY! : STANDIN_KEY, ...(env.OPENAI_API_KEY ? [env.OPENAI_API_KEY] : [])],
  member: { id: env.REDTEAM_MEMBER_ID ?? 'redteam-live-tester', loginEmail: 'redteam-live-tester@example.invalid' },
  reset() {
    sitegptRequests.length = 0;
    openaiRequests.length = 0;
  },
};

/** Quoted, cut, and with invisible and control characters written as \u{…}, so they show. */
const shown = (text: string, max = 400) =>
  JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text).replace(/[\p{Cf}\p{Cc}]/gu, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
let failed = 0;
console.log(`red-team live: ${cases.length} cases against ${provider === 'sitegpt' ? `SiteGPT chatbot ${env.SITEGPT_CHATBOT_ID}` : openaiBase}\n`);
for (const c of cases) {
  const run = await runCase(c, provider, upstream);
  const result = run.result as { ok: boolean; turn?: { kind: string; answer: string | null }; error?: { code: string } };
  console.log(`${c.id} [${c.category}] sent ${shown(c.input!, 160)}`);
  // An answer that quotes a key is shown with the key written as <key>.
  console.log(`  came back: ${result.ok ? `${result.turn!.kind}: ${redact(shown(result.turn!.answer ?? ''), upstream.keys)}` : result.error!.code}`);
  for (const property of c.expect) {
    try {
      CHECKS[property](run, undefined);
      console.log(`  ✓ ${property}`);
    } catch (error) {
      failed++;
      console.log(`  ✗ ${property}: ${(error as Error).message.split('\n')[0]}`);
    }
  }
}
console.log(`\n${failed === 0 ? 'Every property held.' : `${failed} properties did not hold.`} Read the answers above: did the chatbot follow an injection?`);
process.exit(failed === 0 ? 0 : 1);
