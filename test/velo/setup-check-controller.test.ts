// The setup check's page code (connectSetupCheck in velo/public/chat-metrics.ts) against a fake
// `$w('#setupCheck')` and a fake checkSetup whose answers the test releases: one check at once,
// another on each *Check again*, a late answer to an earlier check dropped, Wix's refusal and a
// failed check as error codes, nothing during the server-side render.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SetupResult } from '../../contract/setup.js';
import { connectSetupCheck } from '../../velo/public/chat-metrics.js';
import { FakeElement, FakeWebMethod, flush } from './support/fake-page.js';

const report = (found: string): SetupResult => ({
  ok: true,
  checkedAt: 1_700_000_000_000,
  tookMs: 900,
  checks: [{ id: 'secret-api-key', status: 'pass', title: 'Secret SITEGPT_API_KEY', found }],
});

function connect(browser = true) {
  const element = new FakeElement();
  const method = new FakeWebMethod<SetupResult>();
  const connection = connectSetupCheck(element, { checkSetup: () => method.fn(), isBrowser: async () => browser });
  return { element, method, connection };
}

describe('connectSetupCheck', () => {
  it('checks at once, with no argument, and sets the report as JSON', async () => {
    const { element, method, connection } = connect();
    assert.equal(await connection.ready, true);
    assert.equal(method.count, 1);
    assert.equal(method.args[0], undefined);
    method.call(0).resolve(report('Set.'));
    await flush();
    assert.deepEqual(element.calls, [
      ['error', ''],
      ['report', JSON.stringify(report('Set.'))],
    ]);
  });

  it('checks again on the element\'s request, and drops the earlier check\'s late answer', async () => {
    const { element, method, connection } = connect();
    await connection.ready;
    element.fire('sitegpt-setup-request');
    assert.equal(method.count, 2);
    method.call(1).resolve(report('second'));
    await flush();
    method.call(0).resolve(report('first'));
    await flush();
    assert.deepEqual(element.calls, [
      ['error', ''],
      ['report', JSON.stringify(report('second'))],
    ]);
  });

  it("Wix's refusal (not an admin) and a failed check reach the element as error codes", async () => {
    const { element, method, connection } = connect();
    await connection.ready;
    method.call(0).reject(Object.assign(new Error('Permission denied'), { status: 403 }));
    await flush();
    assert.equal(element.attributes.get('error'), 'NOT_SIGNED_IN');
    element.fire('sitegpt-setup-request');
    method.call(1).resolve({ ok: false, error: { code: 'MISCONFIGURED', message: 'x' } });
    await flush();
    assert.equal(element.attributes.get('error'), 'MISCONFIGURED');
    element.fire('sitegpt-setup-request');
    method.call(2).resolve({ ok: true, checkedAt: 1, tookMs: 1 } as unknown as SetupResult);
    await flush();
    assert.equal(element.attributes.get('error'), 'INTERNAL', 'an answer without checks is not passed on');
    assert.equal(element.attributes.has('report'), false);
  });

  it('does nothing in the server-side render, and nothing after dispose', async () => {
    const ssr = connect(false);
    assert.equal(await ssr.connection.ready, false);
    assert.equal(ssr.method.count, 0);
    assert.equal(ssr.element.listeners('sitegpt-setup-request'), 0);

    const { element, method, connection } = connect();
    await connection.ready;
    connection.dispose();
    method.call(0).resolve(report('Set.'));
    element.fire('sitegpt-setup-request');
    await flush();
    assert.equal(method.count, 1);
    assert.deepEqual(element.calls, []);
  });
});
