/**
 * Every web-method call ends here: a thrown Failure becomes an error value (results cross the
 * wire as JSON) and one structured log line records method, outcome, latency and whether
 * SiteGPT was called. Nothing secret is in a LogLine by construction (see ports.ts).
 */
import type { Failed } from '../../../contract/index.js';
import { toChatError } from './failure.js';
import type { Clock, GuardOutcome, LogLine, LogPort, MethodName } from './ports.js';

export interface Trace {
  sitegptCalled: boolean;
  memberId?: string;
  /** Why a good answer lacks something (our own label), for the log line's `reason`. */
  note?: string;
  /** Which guardrail decided the answer, for the log line's `guard`. */
  guard?: GuardOutcome;
}

export async function instrument<T extends { ok: true }>(
  ports: { clock: Clock; log: LogPort },
  method: MethodName,
  body: (trace: Trace) => Promise<T>,
): Promise<T | Failed> {
  const started = ports.clock.now();
  const trace: Trace = { sitegptCalled: false };
  const line = (outcome: LogLine['outcome'], reason?: string): LogLine => ({
    method,
    outcome,
    latencyMs: Math.max(0, ports.clock.now() - started),
    sitegptCalled: trace.sitegptCalled,
    ...(trace.memberId === undefined ? {} : { memberId: trace.memberId }),
    ...(reason === undefined ? {} : { reason }),
    ...(trace.guard === undefined ? {} : { guard: trace.guard }),
  });
  try {
    const result = await body(trace);
    write(ports, line('OK', trace.note));
    return result;
  } catch (thrown) {
    const { error, reason } = toChatError(thrown);
    write(ports, line(error.code, reason));
    return { ok: false, error };
  }
}

/** A broken log sink must not turn a good answer into a failure. */
function write(ports: { log: LogPort }, line: LogLine): void {
  try {
    ports.log.write(line);
  } catch {
    // nothing sensible to do
  }
}
