// Provisioning cost of the backend core: N members x M devices calling getMemberChat at once,
// on in-memory ports and a SiteGPT double with a fixed latency. Prints figures only.
import { AsyncLocalStorage } from 'node:async_hooks';
import { makeConfig } from '../velo/backend/config.js';
import type { ChatResult } from '../contract/index.js';
import { createMemberChat, type MemberChatCore } from '../velo/backend/threads/member-threads.core.js';
import type { Member, SitegptThreadsPort } from '../velo/backend/ports.js';
import { CapturedLog, MemorySecrets, MemoryThreadStore } from '../test/velo/support/memory-ports.js';

const MEMBERS = 500;
const DEVICES = 3;
const SITEGPT_LATENCY_MS = 20;

// The session's member travels with each request, as a server's request context would.
const session = new AsyncLocalStorage<Member>();
const sitegptCalls = new Map<string, number>();
const sitegpt: SitegptThreadsPort = {
  async createThread({ threadId }) {
    sitegptCalls.set(threadId, (sitegptCalls.get(threadId) ?? 0) + 1);
    await new Promise((resolve) => setTimeout(resolve, SITEGPT_LATENCY_MS));
  },
};
const threads = new MemoryThreadStore();
const config = makeConfig();

function container(): MemberChatCore {
  return createMemberChat(
    {
      members: { current: async () => session.getStore() ?? null },
      secrets: new MemorySecrets({ SITEGPT_API_KEY: 'bench-key', SITEGPT_CHATBOT_ID: 'bench-bot' }),
      threads,
      sitegpt,
      clock: { now: () => Date.now() },
      log: new CapturedLog(),
    },
    config,
  );
}

async function round(label: string, containers: MemberChatCore[]): Promise<void> {
  sitegptCalls.clear();
  threads.reads = threads.writes = 0;
  const requests: Promise<{ id: string; result: ChatResult }>[] = [];
  const started = performance.now();
  for (let m = 0; m < MEMBERS; m++) {
    const member = { id: `member-${m}`, loginEmail: `member-${m}@example.com` };
    for (let d = 0; d < DEVICES; d++) {
      const core = containers[d % containers.length]!;
      requests.push(session.run(member, async () => ({ id: member.id, result: await core.getMemberChat() })));
    }
  }
  const done = await Promise.all(requests);
  const seconds = (performance.now() - started) / 1000;

  const failed = done.filter((d) => !d.result.ok).length;
  const threadOf = new Map(done.flatMap((d) => (d.result.ok ? [[d.id, d.result.threadId] as const] : [])));
  const perMember = [...threadOf.values()].map((threadId) => sitegptCalls.get(threadId) ?? 0);
  const total = perMember.reduce((a, b) => a + b, 0);
  console.log(
    `${label.padEnd(34)} ${done.length} requests in ${(seconds * 1000).toFixed(0)} ms = ${Math.round(done.length / seconds)} req/s; ` +
      `SiteGPT calls per member ${(total / MEMBERS).toFixed(2)} (min ${Math.min(...perMember)}, max ${Math.max(...perMember)}); ` +
      `store reads per request ${(threads.reads / done.length).toFixed(2)}, writes per member ${(threads.writes / MEMBERS).toFixed(2)}; ` +
      `errors ${failed}`,
  );
}

console.log(`backend core: ${MEMBERS} members x ${DEVICES} devices at once, SiteGPT double ${SITEGPT_LATENCY_MS} ms, in-memory CMS`);
const one = [container()];
await round('1 container, new members', one);
await round('1 container, returning members', one);
threads.rows.clear();
const several = Array.from({ length: DEVICES }, container);
await round(`${DEVICES} containers, new members`, several);
await round(`${DEVICES} containers, returning members`, several);
