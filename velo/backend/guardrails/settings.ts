/**
 * The operator's settings (architecture.md §9) as one backend container sees them: the item of
 * `SiteGptSettings`, read field by field (settings-schema.ts) and reused for `settingsCacheMs`
 * (≤ 30 s), so a change in the CMS takes effect on every container within that, without
 * publishing. Never throws: no collection or no item gives the defaults, an outage the last
 * good settings (else the defaults), a bad field its default. Each of those is logged once when
 * it starts, not on every read, and never with a value (an operator may paste anything).
 */
import type { BackendConfig } from '../config.js';
import { Deadline } from '../runtime/deadline.js';
import { Failure } from '../runtime/failure.js';
import { portCall } from '../runtime/port-call.js';
import type { Clock, GuardEvent, LogPort } from '../runtime/ports.js';
import { SingleFlight } from '../runtime/single-flight.js';
import type { SettingsStore } from './ports.js';
import { DEFAULT_SETTINGS, readSettings, type Settings } from './settings-schema.js';

export type ServiceMode = Settings['mode'];

export interface SettingsSource {
  /** The settings now: cached, else read (concurrent callers share one read). Never throws. */
  current(): Promise<Settings>;
}

export interface SettingsSourceOptions {
  store: SettingsStore | undefined;
  clock: Clock;
  log: LogPort;
  config: BackendConfig;
  /**
   * A fresh read saw another mode than this container's previous read (not called on the first
   * read: a container starting up has nothing to compare with). Awaited within the read's time.
   */
  onModeChange?(mode: ServiceMode): Promise<void>;
}

export function createSettingsSource({ store, clock, log, config, onModeChange }: SettingsSourceOptions): SettingsSource {
  const ttl = Math.min(config.guardrails.settingsCacheMs, 30_000);
  // The shared read has time for the read and, after a mode change, the notice; a caller waits
  // only as long as one Wix call takes, then goes on with the settings it has (see current()).
  const reading = new SingleFlight<Settings>('settings-read', () => new Deadline(clock, 2 * config.timeouts.wixCallMs));
  let cached: { settings: Settings; until: number } | undefined;
  let lastGood: Settings | undefined;
  let lastMode: ServiceMode | undefined;
  /** What was last logged about the settings, so a lasting state is logged once, not every read. */
  let lastLogged = '';

  const report = (events: GuardEvent[]) => {
    const key = JSON.stringify(events);
    if (key === lastLogged) return;
    lastLogged = key;
    for (const line of events) writeEvent(log, line);
  };

  async function read(deadline: Deadline): Promise<Settings> {
    if (!store) return DEFAULT_SETTINGS;
    let item: Record<string, unknown> | null;
    try {
      item = await portCall('settings-read', deadline, config, () => store.read());
    } catch (error) {
      if (error instanceof Failure && error.code === 'MISCONFIGURED') {
        report([{ event: 'settings-missing', reason: 'no-collection' }]);
        return DEFAULT_SETTINGS;
      }
      // An outage: keep what we had, so a CMS hiccup never reopens a chat the operator closed.
      report([{ event: 'settings-read-failed', reason: error instanceof Failure ? error.reason : 'settings-read-error' }]);
      return lastGood ?? DEFAULT_SETTINGS;
    }
    if (item === null) {
      report([{ event: 'settings-missing', reason: 'no-item' }]);
      return DEFAULT_SETTINGS;
    }
    const { settings, problems } = readSettings(item);
    report(problems.map(({ field, message }) => ({ event: 'settings-field-ignored', field, problem: message })));
    lastGood = settings;
    return settings;
  }

  return {
    async current() {
      if (cached && cached.until > clock.now()) return cached.settings;
      try {
        return await reading.run('settings', new Deadline(clock, config.timeouts.wixCallMs), async (deadline) => {
          const settings = await read(deadline);
          if (lastMode !== undefined && settings.mode !== lastMode) {
            writeEvent(log, { event: 'service-mode-changed', mode: settings.mode });
            await portCall('service-notice', deadline, config, () => onModeChange?.(settings.mode) ?? Promise.resolve()).catch(() => undefined);
          }
          lastMode = settings.mode;
          cached = { settings, until: clock.now() + ttl };
          return settings;
        });
      } catch {
        // Only the shared wait can fail (read() never throws): answer as an outage would.
        return lastGood ?? DEFAULT_SETTINGS;
      }
    },
  };
}

/** A broken log sink must not break a call (as instrument.ts does for call lines). */
export function writeEvent(log: LogPort, line: GuardEvent): void {
  try {
    log.event?.(line);
  } catch {
    // nothing sensible to do
  }
}
