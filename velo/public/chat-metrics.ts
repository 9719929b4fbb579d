/**
 * The admin page's controller (architecture.md §10): drives `<sitegpt-chat-metrics>` with the
 * Admin web method `getChatMetrics`. No Wix import: the page's code wires `$w`, `@wix/site-window`
 * and the web method in (velo/pages/chatMetrics.ts). It loads the last 28 days at once (the
 * element's default range), then whatever range the element asks for. Only the answer to the
 * latest request is set: an earlier one that arrives late is dropped. Answers are checked by
 * hand (the element parses them against the contract again), so this file carries no zod.
 * `connectSetupCheck` drives `<sitegpt-setup-check>` with the Admin web method `checkSetup` the
 * same way: one check at once, another on each *Check again*.
 */
import { DEFAULT_PRESET, lastDays, type DateRange } from '../../element/src/metrics/date-range.js';
import { METRICS_MAX, SETUP_REPORT_MAX } from '../../element/src/metrics/attribute-limits.js';
import { isCount, isRecord, settle } from './web-method-answers.js';

/** What Wix page code can do with a custom element (`$w('#chatMetrics')`). */
export interface ChatMetricsElement {
  setAttribute(name: string, value: string): void;
  on(event: string, handler: (event: { detail?: unknown }) => void): void;
}

export interface ChatMetricsDeps {
  /** `getChatMetrics` of `backend/sitegpt-admin.web`. */
  getChatMetrics(args: DateRange): Promise<unknown>;
  /** True in the browser; false in Wix's server-side render, where nothing must happen. */
  isBrowser(): boolean | Promise<boolean>;
  /** Milliseconds since the epoch (tests); default Date.now. */
  now?(): number;
}

export interface ChatMetricsConnection {
  /** Settles once the first load started (true), or at once in a server-side render (false). */
  readonly ready: Promise<boolean>;
  /** Stops listening; answers still on their way are dropped. */
  dispose(): void;
}

export function connectChatMetrics(element: ChatMetricsElement, deps: ChatMetricsDeps): ChatMetricsConnection {
  let latest = 0;
  let disposed = false;

  async function load(range: DateRange): Promise<void> {
    const token = ++latest;
    const answer = await settle(() => deps.getChatMetrics(range), (value) => readFigures(value, range));
    if (disposed || token !== latest) return;
    if (answer.ok) {
      element.setAttribute('error', '');
      element.setAttribute('metrics', answer.json);
    } else {
      element.setAttribute('error', answer.code);
    }
  }

  const ready = (async () => {
    if (!(await deps.isBrowser()) || disposed) return false;
    element.on('sitegpt-metrics-request', (event) => {
      const range = readRange(event.detail);
      if (range && !disposed) void load(range);
    });
    void load(lastDays(DEFAULT_PRESET, (deps.now ?? Date.now)()));
    return true;
  })();

  return {
    ready,
    dispose() {
      disposed = true;
    },
  };
}

/** The element's `{from, to}`, whole ms with from < to; anything else is ignored. */
function readRange(detail: unknown): DateRange | undefined {
  if (!isRecord(detail) || !isCount(detail.from) || !isCount(detail.to) || detail.from >= detail.to) return undefined;
  return { from: detail.from, to: detail.to };
}

/** The answer as the element's attribute, if it is figures for the range asked and fits the element's cap. */
function readFigures(value: Record<string, unknown>, range: DateRange): { ok: true; json: string } | undefined {
  if (value.from !== range.from || value.to !== range.to || !Array.isArray(value.days)) return undefined;
  const json = JSON.stringify(value);
  return json.length <= METRICS_MAX ? { ok: true, json } : undefined;
}

export interface SetupCheckDeps {
  /** `checkSetup` of `backend/sitegpt-admin.web`. */
  checkSetup(): Promise<unknown>;
  /** True in the browser; false in Wix's server-side render, where nothing must happen. */
  isBrowser(): boolean | Promise<boolean>;
}

export function connectSetupCheck(element: ChatMetricsElement, deps: SetupCheckDeps): ChatMetricsConnection {
  let latest = 0;
  let disposed = false;

  async function check(): Promise<void> {
    const token = ++latest;
    const answer = await settle(() => deps.checkSetup(), readReport);
    if (disposed || token !== latest) return;
    if (answer.ok) {
      element.setAttribute('error', '');
      element.setAttribute('report', answer.json);
    } else {
      element.setAttribute('error', answer.code);
    }
  }

  const ready = (async () => {
    if (!(await deps.isBrowser()) || disposed) return false;
    element.on('sitegpt-setup-request', () => {
      if (!disposed) void check();
    });
    void check();
    return true;
  })();

  return {
    ready,
    dispose() {
      disposed = true;
    },
  };
}

/** The answer as the element's attribute, if it is a report that fits the element's cap. */
function readReport(value: Record<string, unknown>): { ok: true; json: string } | undefined {
  if (!Array.isArray(value.checks)) return undefined;
  const json = JSON.stringify(value);
  return json.length <= SETUP_REPORT_MAX ? { ok: true, json } : undefined;
}
