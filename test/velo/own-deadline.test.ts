// Calls of one container share work in flight (provisioning a member's thread, loading the
// secrets), but each call is bounded by its OWN deadline: one that joins late gives up when its
// time is up, and one whose time is nearly spent never fails the shared work for the others.
// Nothing here races the wall clock: the shared work is held by a gate the test opens, and a
// call's remaining time is set by moving the clock its deadline was started on.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { http } from 'msw';
import { setupServer } from 'msw/node';
import type { ChatResult } from '../../contract/index.js';
import { sleep } from '../../velo/backend/runtime/deadline.js';
import { ADA, memoryCore } from './support/memory-core.js';
import { BASE_URL, CHATBOT_ID, createStandin } from './support/standin.js';

const standin = createStandin();
const server = setupServer(...standin.handlers);
before(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  standin.reset();
  server.resetHandlers();
});
after(() => server.close());

const OVERALL_MS = 3_000;
/** What a call has left of its own deadline when the test makes it "nearly spent". */
const LEFT_MS = 300;
/** Far over LEFT_MS, far under a fresh deadline: a call still waiting then did not stop at its own. */
const PATIENCE_MS = 1_500;
const config = { timeouts: { overallMs: OVERALL_MS, sitegptCallMs: OVERALL_MS, wixCallMs: OVERALL_MS } };

const outcome = (result: ChatResult) => (result.ok ? 'OK' : result.error.code);

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

/** Holds every thread create at the stand-in until `open()`; `arrived()` once one came in. */
function holdCreates() {
  const { opened, open } = gate();
  let arrived = false;
  // Answers nothing, so msw passes the request on to the stand-in once the gate opens.
  server.use(
    http.post(`${BASE_URL}/chatbots/:chatbotId/threads`, async () => {
      arrived = true;
      await opened;
    }),
  );
  return { open, arrived: () => arrived };
}

async function until(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 5) {
    if (waited > PATIENCE_MS) assert.fail('condition not reached');
    await sleep(5);
  }
}

/** Whether `call` ended on its own, before the shared work it waits for was let go. */
async function endsOnItsOwn(call: Promise<ChatResult>): Promise<boolean> {
  return Promise.race([call.then(() => true), sleep(PATIENCE_MS).then(() => false)]);
}

describe('each call keeps its own deadline', () => {
  it('a call that joins provisioning with little time left gives up at its own deadline; the work goes on', async () => {
    const { core, members, clock, threads, log } = memoryCore({ config });
    const creates = holdCreates();
    const lookup = gate();
    members.holds.push(lookup.opened);
    const late = core.getMemberChat();
    await until(() => members.lookups === 1);
    // Started long ago, as far as its deadline knows; the owner below starts afresh.
    clock.advance(OVERALL_MS - LEFT_MS);
    const owner = core.getMemberChat();
    await until(creates.arrived);
    lookup.open();

    const lateEnded = await endsOnItsOwn(late);
    creates.open();
    const [lateResult, ownerResult] = await Promise.all([late, owner]);

    assert.ok(lateEnded, 'the late call ended at its own deadline, while the work was still running');
    assert.equal(outcome(lateResult), 'UPSTREAM_UNAVAILABLE');
    assert.equal(outcome(ownerResult), 'OK');
    assert.equal(standin.creates(), 1, 'the late call joined the running work');
    assert.equal(threads.rows.get(ADA.id)?.threadId, ownerResult.ok ? ownerResult.threadId : undefined);
    assert.ok(log.lines.some((line) => line.reason === 'provisioning-wait-timeout'));
  });

  it('a fresh call joining provisioning whose owner had almost no time left still gets the thread', async () => {
    const { core, members, clock, threads } = memoryCore({ config });
    const creates = holdCreates();
    const lookup = gate();
    members.holds.push(lookup.opened);
    const owner = core.getMemberChat();
    await until(() => members.lookups === 1);
    clock.advance(OVERALL_MS - LEFT_MS);
    lookup.open();
    await until(creates.arrived);
    const fresh = core.getMemberChat();

    const ownerEnded = await endsOnItsOwn(owner);
    creates.open();
    const [ownerResult, freshResult] = await Promise.all([owner, fresh]);

    assert.ok(ownerEnded, 'the owner ended at its own deadline');
    assert.equal(outcome(ownerResult), 'UPSTREAM_UNAVAILABLE');
    assert.equal(outcome(freshResult), 'OK');
    assert.equal(standin.creates(), 1, 'the fresh call joined the running work');
    assert.ok(freshResult.ok && standin.store.get(CHATBOT_ID, freshResult.threadId));
    assert.equal(threads.rows.get(ADA.id)?.threadId, freshResult.ok ? freshResult.threadId : undefined);
  });

  it('a fresh call joining a secrets load whose owner had almost no time left still gets the thread', async () => {
    const { core, members, secrets, clock, threads } = memoryCore({ config });
    const secretsGate = gate();
    secrets.hold = secretsGate.opened;
    const lookup = gate();
    members.holds.push(lookup.opened);
    const owner = core.getMemberChat();
    await until(() => members.lookups === 1);
    clock.advance(OVERALL_MS - LEFT_MS);
    lookup.open();
    await until(() => secrets.reads > 0);
    const fresh = core.getMemberChat();

    const ownerEnded = await endsOnItsOwn(owner);
    secretsGate.open();
    const [ownerResult, freshResult] = await Promise.all([owner, fresh]);

    assert.ok(ownerEnded, 'the owner ended at its own deadline');
    assert.equal(outcome(ownerResult), 'UPSTREAM_UNAVAILABLE');
    assert.equal(outcome(freshResult), 'OK');
    assert.equal(secrets.reads, 3, 'one load of the three secrets, shared');
    assert.equal(threads.rows.get(ADA.id)?.threadId, freshResult.ok ? freshResult.threadId : undefined);
  });
});
