// Native mode's backend cost per message (architecture.md §8.4), in the core: sendChatMessage
// on in-memory ports with a SiteGPT double that answers at once, so what is timed is our own
// work (argument checks, normalising, guardrails, hashing, mirror rows, notices), not
// SiteGPT's. Also the CMS reads and writes each message costs, and what sign-in with history
// and a sync cost. bench/guardrails.bench.ts compares it with the guardrails bypassed.
// Prints figures only; nothing is asserted (these machines are noisy).
import { makeConfig } from '../velo/backend/config.js';
import { createKit } from '../velo/backend/kit.js';
import type { SitegptChatPort, SitegptThreadsPort, UpstreamMessage } from '../velo/backend/ports.js';
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

let upstreamId = 0;
const sitegpt: SitegptThreadsPort & SitegptChatPort = {
  async createThread() {},
  async sendMessage({ message }): Promise<UpstreamMessage> {
    const now = Date.now();
    return {
      messageId: String(++upstreamId),
      messageType: 'NORMAL_MESSAGE',
      question: { text: message, timestamp: now },
      answer: { text: `**Answer** to ${message}\n\n- one\n- two\n\nSee [the guide](https://example.com/guide).`, timestamp: now },
      sources: ['https://example.com/guide', 'https://example.com/faq'],
    };
  },
  async threadMessages() {
    return [];
  },
  async react() {},
};

const threads = new MemoryThreadStore();
const transcript = new MemoryTranscriptStore();
const realtime = new MemoryRealtime();
// One member sending 550 questions in a few seconds: the operator's limits raised so none is refused.
const settings = new MemorySettings({ limitPerMinute: 1000, limitPerDay: 100_000, siteLimitPerMinute: 100_000 });
const config = makeConfig();
const kit = createKit(
  {
    members: new MemoryMembers({ id: 'member-bench', loginEmail: 'bench@example.com' }),
    secrets: new MemorySecrets({ SITEGPT_API_KEY: 'bench-key', SITEGPT_CHATBOT_ID: 'bench-bot' }),
    threads,
    transcript,
    realtime,
    sitegpt,
    clock: { now: () => Date.now() },
    log: new CapturedLog(),
    settings,
  },
  config,
);

function stats(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return `median ${at(0.5).toFixed(2)} ms, p95 ${at(0.95).toFixed(2)} ms`;
}

async function timed(run: () => Promise<{ ok: boolean }>): Promise<number> {
  const started = performance.now();
  const result = await run();
  const ms = performance.now() - started;
  if (!result.ok) throw new Error(`bench call failed: ${JSON.stringify(result)}`);
  return ms;
}

const text = (i: number) => `Question number ${i}: how do I change my \u200Bdelivery address?`;
await kit.getMemberChat();
for (let i = 0; i < WARMUP; i++) await kit.sendChatMessage({ clientMessageId: crypto.randomUUID(), text: text(i) });

const before = { threadReads: threads.reads, threadWrites: threads.writes, reads: transcript.reads + settings.reads, writes: transcript.writes, notices: realtime.published.length };
const sendTimes: number[] = [];
for (let i = 0; i < SENDS; i++) {
  sendTimes.push(await timed(() => kit.sendChatMessage({ clientMessageId: crypto.randomUUID(), text: text(i) })));
}
const per = (n: number) => (n / SENDS).toFixed(2);
const cmsReads = threads.reads - before.threadReads + transcript.reads + settings.reads - before.reads;
const cmsWrites = threads.writes - before.threadWrites + transcript.writes - before.writes;

const signIn: number[] = [];
const sync: number[] = [];
for (let i = 0; i < 200; i++) {
  signIn.push(await timed(() => kit.getMemberChat({ history: true })));
  sync.push(await timed(() => kit.getChatMessages({ after: Date.now() })));
}

console.log(`native mode, backend core: ${SENDS} sends one after another, SiteGPT double answering at once, in-memory CMS`);
console.log(`  sendChatMessage, our own work per message: ${stats(sendTimes)}`);
console.log(
  `  CMS per message: ${per(cmsReads)} reads (the member's row, the rate-limit count), ${per(cmsWrites)} writes (rate-limit slot, turn pending, turn answered); ` +
    `realtime notices per message ${per(realtime.published.length - before.notices)}`,
);
console.log(`  getMemberChat({history: true}), ${transcript.turnsOf('member-bench').length} turns stored: ${stats(signIn)} (1 member row read + 1 page query)`);
console.log(`  getChatMessages({after}) with nothing new: ${stats(sync)}`);
