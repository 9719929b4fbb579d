/**
 * `checkSetup()` (Admin): every requirement of the install guide, checked at once, side by side,
 * inside one deadline under Wix's 14 s; each read has its own cap, so what is slow comes back
 * `unchecked` instead of making the answer late. The rows come in the contract's fixed order.
 * Nothing is cached: an owner who just fixed something sees it on the next check.
 */
import { SETUP_CHECK_IDS, type SetupCheck, type SetupReport } from '../../../contract/setup.js';
import type { BackendConfig } from '../config.js';
import { Deadline } from '../runtime/deadline.js';
import { Failure } from '../runtime/failure.js';
import type { Trace } from '../runtime/instrument.js';
import { collectionRow } from './check-collections.js';
import { providerRow } from './check-provider.js';
import { realtimeRow } from './check-realtime.js';
import { secretRows } from './check-secrets.js';
import { settingsRow } from './check-settings.js';
import { sitegptRow } from './check-sitegpt.js';
import { expectedCollections } from './expected.js';
import type { SetupPorts } from './ports.js';
import { read } from './rows.js';

export function createCheckSetup(ports: SetupPorts, config: BackendConfig) {
  return async function checkSetup(args: readonly unknown[], trace: Trace): Promise<SetupReport & { ok: true }> {
    if (args.some((arg) => arg !== undefined)) {
      throw new Failure('INVALID_INPUT', 'bad-arguments', { message: 'checkSetup takes no argument.' });
    }
    const checkedAt = ports.clock.now();
    const deadline = new Deadline(ports.clock, config.timeouts.overallMs);
    const wix = config.timeouts.wixCallMs;
    const expected = expectedCollections(config);

    const settingsRead = read('settings-read', wix, deadline, () => ports.settings.read()).then((item) => settingsRow(item, config));
    const namesRead = read('secret-names', wix, deadline, () => ports.secretNames.names());
    const sitegpt = sitegptRow(ports, config, deadline).then(({ row, called }) => {
      trace.sitegptCalled = called;
      return row;
    });
    const schema = (id: string) => read('collection', wix, deadline, () => ports.collections.get(id));
    // Started once the settings are read, not after every other row: an OpenAI-compatible
    // endpoint is asked at once, even while SiteGPT's probe takes its time (only SiteGPT waits for that row).
    const providerCheck = settingsRead.then(({ settings }) => providerRow(ports, settings, sitegpt, config, deadline));

    const [secrets, threads, messages, settingsCollection, sitegptCheck, realtime, settings, provider] = await Promise.all([
      Promise.all([namesRead, settingsRead]).then(([names, { settings }]) => secretRows(names, settings, config)),
      schema(expected.threads.id).then((value) => collectionRow('collection-threads', expected.threads, value)),
      schema(expected.messages.id).then((value) => collectionRow('collection-messages', expected.messages, value)),
      schema(expected.settings.id).then((value) => collectionRow('collection-settings', expected.settings, value)),
      sitegpt,
      realtimeRow(ports.realtimeRule, deadline),
      settingsRead,
      providerCheck,
    ]);

    const checks = [...secrets, threads, messages, settingsCollection, sitegptCheck, realtime, settings.check, provider];
    const ordered = SETUP_CHECK_IDS.map((id) => checks.find((check) => check.id === id)!);
    trace.note = summary(ordered);
    return { ok: true, checkedAt, tookMs: Math.max(0, ports.clock.now() - checkedAt), checks: ordered };
  };
}

/** The log line's reason: which checks did not pass (IDs only, never what they found). */
function summary(checks: SetupCheck[]): string | undefined {
  const of = (status: SetupCheck['status']) => checks.filter((c) => c.status === status).map((c) => c.id);
  const parts = (['fail', 'warn', 'unchecked'] as const).flatMap((status) => (of(status).length > 0 ? [`${status}:${of(status).join(',')}`] : []));
  return parts.length > 0 ? parts.join(' ') : undefined;
}
