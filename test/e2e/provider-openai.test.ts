/**
 * The OpenAI-compatible provider end to end, in native mode: the operator panel's provider
 * switch points the backend at the in-process chat-completions stand-in; one member's
 * conversation on two devices; the second question goes out with the first turn as its history
 * (what the stand-in received), read from the mirror, so either device carries it on. SiteGPT
 * is not asked anything.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DEFAULT_SETTINGS } from '../../velo/backend/guardrails/settings-schema.js';
import { DEV_OPENAI_KEY, STANDIN_OPENAI_BASE } from '../../sandbox/openai-standin.js';
import { signIn, startBed, type Bed } from './support.js';
import { ask, openNativeDevice, paneReady, paneTurns, realtimeOpen, waitForAnswer } from './native.js';

let bed: Bed;
before(async () => {
  bed = await startBed();
});
after(async () => {
  await bed?.close();
});

interface Sent {
  model: string;
  messages: Array<{ role: string; content: string }>;
}

test('native mode on the OpenAI-compatible provider: the panel switch, two devices, and the history sent with the second question', async () => {
  const laptop = await openNativeDevice(bed.browser, bed.sandbox);
  const phone = await openNativeDevice(bed.browser, bed.sandbox, { width: 360, height: 740 });

  // The operator switches the provider in the panel before anyone signs in (no settings cached yet).
  await laptop.click('[data-provider-panel] [data-provider="openai"]');
  await laptop.locator('[data-provider-panel] [data-provider="openai"][aria-pressed="true"]').waitFor();
  const stored = (await (await fetch(new URL('/_sandbox/settings', bed.sandbox.url))).json()) as { settings: Record<string, unknown> };
  assert.deepEqual([stored.settings.provider, stored.settings.openaiBaseUrl], ['openai', STANDIN_OPENAI_BASE]);

  await Promise.all([signIn(laptop, 'ada'), signIn(phone, 'ada')]);
  await Promise.all([paneReady(laptop), paneReady(phone), realtimeOpen(laptop), realtimeOpen(phone)]);

  await ask(laptop, 'My order number is 4711.');
  await waitForAnswer(laptop, 'My order number is 4711.');
  await waitForAnswer(phone, 'My order number is 4711.');
  await ask(phone, 'Where is it now?');
  await waitForAnswer(phone, 'Where is it now?');
  await waitForAnswer(laptop, 'Where is it now?');

  const turns = await paneTurns(laptop);
  assert.deepEqual(turns.map((t) => t.question), ['My order number is 4711.', 'Where is it now?']);
  assert.deepEqual(await paneTurns(phone), turns);
  assert.match(turns[1]!.answer, /Stand-in completion to: Where is it now\?\s*I was sent 2 earlier messages/);

  const requests = bed.sandbox.openai.requests;
  assert.equal(requests.length, 2, 'one request per question');
  const [first, second] = requests.map((r) => r.body as Sent);
  const storedAnswer = bed.sandbox.transcript.all('ada').find((r) => r.question === 'My order number is 4711.')!.answer!;
  assert.deepEqual(first!.messages, [
    { role: 'system', content: DEFAULT_SETTINGS.systemPrompt },
    { role: 'user', content: 'My order number is 4711.' },
  ]);
  assert.deepEqual(second!.messages, [
    { role: 'system', content: DEFAULT_SETTINGS.systemPrompt },
    { role: 'user', content: 'My order number is 4711.' },
    { role: 'assistant', content: storedAnswer },
    { role: 'user', content: 'Where is it now?' },
  ]);
  assert.equal(second!.model, 'gpt-4o-mini');
  assert.ok(requests.every((r) => r.headers.authorization === `Bearer ${DEV_OPENAI_KEY}` && !r.text.includes(DEV_OPENAI_KEY)));

  const rows = bed.sandbox.transcript.all('ada').filter((r) => r.kind !== 'claim');
  assert.ok(rows.every((r) => r.tokens && r.tokens.prompt > 0), 'tokens stored on each turn');
  assert.equal(bed.sandbox.standin!.store.all().flatMap((t) => t.messages).length, 0, 'SiteGPT was asked nothing');
  await laptop.context().close();
  await phone.context().close();
});
