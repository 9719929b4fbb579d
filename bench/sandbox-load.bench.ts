/**
 * The sandbox under load, over HTTP: 100 members × 3 devices, each device signed in with its
 * own cookie, all calling getMemberChat at once; first as new members (threads created), then
 * as returning ones. A sandbox started in-process on a free port over a temporary data folder,
 * the SiteGPT stand-in, the SQLite store. Figures only: no assertion on time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox } from '../sandbox/server.js';
import { MemberDevice, type WebMethodReply } from '../test/e2e/http.js';

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 100);
const DEVICES = 3;

interface Chat {
  ok: boolean;
  threadId?: string;
}

const dir = mkdtempSync(join(tmpdir(), 'sandbox-load-'));
const sandbox = await startSandbox({ port: 0, dir, quiet: true, env: {} });
const base = `http://127.0.0.1:${sandbox.port}/`;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function round(label: string, devices: { memberId: string; device: MemberDevice }[]): Promise<void> {
  const sitegptBefore = sandbox.calls.filter((c) => c.sitegptCalled).length;
  const started = performance.now();
  const replies: { memberId: string; reply: WebMethodReply<Chat> }[] = await Promise.all(
    devices.map(async ({ memberId, device }) => ({ memberId, reply: await device.call<Chat>('getMemberChat') })),
  );
  const seconds = (performance.now() - started) / 1000;
  const latencies = replies.map((r) => r.reply.ms).sort((a, b) => a - b);
  const errors = replies.filter((r) => r.reply.status !== 200 || !r.reply.result.ok).length;
  const threadsPerMember = new Map<string, Set<string | undefined>>();
  for (const { memberId, reply } of replies) {
    threadsPerMember.set(memberId, (threadsPerMember.get(memberId) ?? new Set()).add(reply.result.threadId));
  }
  const split = [...threadsPerMember.values()].filter((threads) => threads.size !== 1).length;
  const callsWithSitegpt = sandbox.calls.filter((c) => c.sitegptCalled).length - sitegptBefore;
  console.log(
    `${label.padEnd(18)} ${replies.length} calls in ${(seconds * 1000).toFixed(0)} ms = ${Math.round(replies.length / seconds)} req/s; ` +
      `p50 ${percentile(latencies, 50).toFixed(0)} ms, p95 ${percentile(latencies, 95).toFixed(0)} ms; ` +
      `calls that reached SiteGPT ${callsWithSitegpt}, stand-in threads ${sandbox.standin!.store.all().length}, ` +
      `rows ${sandbox.threads.all().length}; members split across threads ${split}; errors ${errors}`,
  );
}

try {
  const devices = Array.from({ length: MEMBERS }, (_, m) => `load-${m}`).flatMap((memberId) =>
    Array.from({ length: DEVICES }, () => ({ memberId, device: new MemberDevice(base) })),
  );
  await Promise.all(devices.map(({ memberId, device }) => device.signIn(memberId)));
  console.log(`sandbox over HTTP: ${MEMBERS} members x ${DEVICES} devices, getMemberChat at once (stand-in SiteGPT, SQLite rows)`);
  await round('new members', devices);
  await round('returning members', devices);
} finally {
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
}
