// The API key never leaves the backend, and log lines carry no identity beyond the member ID,
// across good calls and every kind of failure, through the real web methods.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, describe, it, mock } from 'node:test';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { forgetMyChat, getMemberChat, startNewConversation } from '../../velo/backend/sitegpt.web.js';
import { API_KEY, createStandin, siteSecrets } from './support/standin.js';
import { useWixSdk, WixFake } from './support/wix-fake.js';

const wix = new WixFake();
const standin = createStandin({ baseUrl: 'https://sitegpt.ai/api/v0' });
const server = setupServer(...wix.handlers, ...standin.handlers);
const ada = { id: 'member-ada', loginEmail: 'ada@example.com' };
const expectedSignature = createHmac('sha256', API_KEY).update(ada.loginEmail).digest('hex');

const results: unknown[] = [];
const printed: string[] = [];

before(async () => {
  useWixSdk();
  server.listen({ onUnhandledRequest: 'error' });
  for (const [name, value] of Object.entries(siteSecrets())) wix.secrets.set(name, value);
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    mock.method(console, method, (...args: unknown[]) => printed.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ')));
  }

  // Every path a call can take, good and bad; results and console output are collected.
  const call = async (method: () => Promise<unknown>) => results.push(await method());
  wix.session.member = ada;
  await call(getMemberChat); // new member
  await call(getMemberChat); // returning
  await call(startNewConversation);
  await call(forgetMyChat);
  for (const status of [401, 403, 429, 500]) {
    standin.faults.next({ kind: 'status', status, retryAfter: '3' }, 2);
    await call(startNewConversation);
    standin.faults.clear();
  }
  standin.faults.next({ kind: 'garbage' });
  await call(startNewConversation);
  // An upstream that echoes the key back in its error must not get it past us.
  server.use(http.post('*/chatbots/:id/threads', () => HttpResponse.json(
    { success: false, message: `bad request for ${API_KEY}`, error: { code: 'X', message: `key ${API_KEY}` } }, { status: 400 })));
  await call(startNewConversation);
  server.resetHandlers();
  wix.cmsFaults.push({ on: 'write', kind: 'wix-error', status: 403, code: 'WDE0027' });
  await call(startNewConversation);
  wix.session.member = null;
  await call(getMemberChat);
  mock.restoreAll();
});
after(() => server.close());

describe('secrets and identity', () => {
  it('exercised good and failing paths (so the checks below are not vacuous)', () => {
    const outcomes = results.map((r) => (r as { ok: boolean; error?: { code: string } }).error?.code ?? 'OK');
    assert.deepEqual(new Set(outcomes), new Set(['OK', 'MISCONFIGURED', 'RATE_LIMITED', 'UPSTREAM_UNAVAILABLE', 'INTERNAL', 'NOT_SIGNED_IN']));
    // One line per call; besides them only the guardrails' own event: this site has no settings item.
    const calls = printed.filter((line) => 'method' in JSON.parse(line));
    assert.equal(calls.length, results.length);
    assert.deepEqual(printed.filter((line) => !calls.includes(line)).map((line) => JSON.parse(line).event), ['settings-missing']);
  });

  it('no result, error message or console line contains the API key', () => {
    for (const text of [...results.map((r) => JSON.stringify(r)), ...printed]) {
      assert.equal(text.includes(API_KEY), false, text);
    }
  });

  it('log lines carry neither the email nor its signature, but do say which member', () => {
    for (const line of printed) {
      assert.equal(line.includes(ada.loginEmail), false, line);
      assert.equal(line.includes(expectedSignature), false, line);
    }
    assert.ok(printed.some((line) => JSON.parse(line).memberId === ada.id));
  });

  it("returns the member's email with the signature SiteGPT expects (HMAC-SHA256, hex, keyed with the API key)", () => {
    const first = results[0] as { email?: string; emailSignature?: string };
    assert.equal(first.email, ada.loginEmail);
    assert.equal(first.emailSignature, expectedSignature);
  });
});
