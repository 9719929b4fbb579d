// What the guardrails (architecture.md §9) add to each message, in the core: sendChatMessage on
// in-memory ports with a SiteGPT double that answers at once, so what is timed is our own work.
// "Before" is the send path with the guardrails bypassed (the same chat/send.ts over a guard
// that admits everything and always routes to the provider: issue 9's path); "after" is the
// whole kit with its guardrails, the settings cache warm. The two run interleaved, so machine
// noise hits both alike. Also the CMS reads and writes per message, and the same with a monthly
// budget set (its count is reused for a minute). Prints figures only; nothing is asserted.
import { createNotices } from '../velo/backend/chat/notices.js';
import { keepAnswersAsTheyCame } from '../velo/backend/handoff/classify.js';
import { sitegptCompletion } from '../velo/backend/providers/sitegpt/completion.js';
import { createSend } from '../velo/backend/chat/send.js';
import { makeConfig } from '../velo/backend/config.js';
import type { Guardrails } from '../velo/backend/guardrails/guard.js';
import { DEFAULT_SETTINGS } from '../velo/backend/guardrails/settings-schema.js';
import { createKit } from '../velo/backend/kit.js';
import type { Ports, SitegptChatPort, SitegptThreadsPort, UpstreamMessage } from '../velo/backend/ports.js';
import { instrument } from '../velo/backend/runtime/instrument.js';
import { createMemberThreads } from '../velo/backend/threads/member-threads.js';
import { MemorySettings } from '../test/velo/support/memory-guard-ports.js';
import {
  CapturedLog,
  MemoryMembers,
  MemoryRealtime,
  MemorySecrets,
  MemoryThreadStore,
  MemoryTranscriptStore,
} from '../test/velo/support/memory-ports.js';

const WARMUP = 50;
const SENDS = 500;
const LIMITS = { limitPerMinute: 1000, limitPerDay: 100_000, siteLimitPerMinute: 100_000 };

let upstreamId = 0;
const sitegpt: SitegptThreadsPort & SitegptChatPort = {
  async createThread() {},
  async sendMessage({ message }): Promise<UpstreamMessage> {
    const now = Date.now();
    return {
      messageId: String(++upstreamId),
      messageType: 'NORMAL_MESSAGE',
      question: { text: message, timestamp: now },
      answer: { text: `**Answer** to ${message}\n\n- one\n- two`, timestamp: now },
      sources: ['https://example.com/guide'],
    };
  },
  async threadMessages() {
    return [];
  },
  async react() {},
};

/** One container's ports on their own in-memory CMS, with the CMS calls counted. */
function site(settingsItem: Record<string, unknown>) {
  const threads = new MemoryThreadStore();
  const transcript = new MemoryTranscriptStore();
  const settings = new MemorySettings(settingsItem);
  const ports: Ports = {
    members: new MemoryMembers({ id: `member-${Math.random()}`, loginEmail: 'bench@example.com' }),
    secrets: new MemorySecrets({ SITEGPT_API_KEY: 'bench-key', SITEGPT_CHATBOT_ID: 'bench-bot' }),
    threads,
    transcript,
    realtime: new MemoryRealtime(),
    sitegpt,
    clock: { now: () => Date.now() },
    log: new CapturedLog(),
    settings,
  };
  const ops = () => ({ reads: threads.reads + transcript.reads + settings.reads, writes: threads.writes + transcript.writes });
  return { ports, ops };
}

const config = makeConfig();

/** Issue 9's send path: the same send, over a guard that admits everything and always asks the provider. */
function bypassed() {
  const { ports, ops } = site({});
  const passThrough: Guardrails = {
    settings: async () => DEFAULT_SETTINGS,
    assertOpen: () => undefined,
    admit: async () => ({ verdict: 'admitted', recent: [] }),
    route: async () => ({ kind: 'provider', admission: 'call' }),
    report: () => undefined,
    isQuotaFailure: () => false,
    staticNow: () => null,
    staticReply: () => '',
    service: () => undefined,
    context: async () => undefined,
  };
  const threads = createMemberThreads(ports, config);
  const provider = sitegptCompletion(ports.sitegpt);
  const send = createSend({
    ports,
    config,
    threads,
    notices: createNotices(ports.realtime, config),
    guard: passThrough,
    provider: () => provider,
    classifier: keepAnswersAsTheyCame,
    // Issue 9's path had no handoff: nothing offered, nothing handed off.
    handoff: { stateOf: () => undefined, beforeSend: async (current) => current, afterAnswer: async () => undefined, afterRating: async () => undefined, requestHuman: async () => { throw new Error('not in this bench'); } },
  });
  return { send: (args: unknown) => instrument(ports, 'sendChatMessage', (trace) => send(args, trace)), ops };
}

function guarded(settingsItem: Record<string, unknown>) {
  const { ports, ops } = site(settingsItem);
  const kit = createKit(ports, config);
  return { send: (args: unknown) => kit.sendChatMessage(args), ops };
}

async function timed(send: (args: unknown) => Promise<{ ok: boolean }>, i: number): Promise<number> {
  const started = performance.now();
  const result = await send({ clientMessageId: crypto.randomUUID(), text: `Question ${i}: where is my order?` });
  const ms = performance.now() - started;
  if (!result.ok) throw new Error(`bench send failed: ${JSON.stringify(result)}`);
  return ms;
}

const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
const p95 = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length * 0.95)]!;

const runs = { before: bypassed(), after: guarded(LIMITS), budget: guarded({ ...LIMITS, monthlyMessageBudget: 1_000_000 }) };
for (let i = 0; i < WARMUP; i++) for (const run of Object.values(runs)) await timed(run.send, i);
const start = Object.fromEntries(Object.entries(runs).map(([name, run]) => [name, run.ops()]));
const times: Record<string, number[]> = { before: [], after: [], budget: [] };
for (let i = 0; i < SENDS; i++) for (const [name, run] of Object.entries(runs)) times[name]!.push(await timed(run.send, i));

const per = (name: keyof typeof runs, key: 'reads' | 'writes') => ((runs[name].ops()[key] - start[name]![key]) / SENDS).toFixed(2);
console.log(`guardrails, backend core: ${SENDS} sends per path, interleaved, SiteGPT double answering at once, in-memory CMS, settings cache warm`);
for (const name of ['before', 'after', 'budget'] as const) {
  const label = { before: 'before (guardrails bypassed)', after: 'after (guardrails on)', budget: 'after, with a monthly budget' }[name];
  console.log(`  ${label}: our own work per message median ${median(times[name]!).toFixed(3)} ms, p95 ${p95(times[name]!).toFixed(3)} ms; CMS per message ${per(name, 'reads')} reads, ${per(name, 'writes')} writes`);
}
console.log(`  overhead per message (median after - median before): ${(median(times.after!) - median(times.before!)).toFixed(3)} ms`);
console.log(
  '  after = before + 1 read (the rate-limit count, one consistent query) + 1 write (the rate-limit slot); ' +
    'settings read at most once per 30 s per container; the budget count at most once a minute',
);
