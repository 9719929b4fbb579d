/**
 * getChatMetrics({from, to}): the figures of a date range, computed from the mirror
 * (architecture.md §10). Arguments are the contract's strict schema; the range must run
 * forwards and span at most 92 days. The mirror is read from `from` to 24 h past `to` (later
 * repeats, see member-days.ts), in pages, within one deadline: a range that cannot be read in time
 * is refused with a message, never answered with figures from part of it.
 */
import { ChatMetricsArgsSchema, DAY_MS, METRICS_LIMITS, type ChatMetrics } from '../../../contract/metrics.js';
import type { TranscriptStore } from '../chat/ports.js';
import { parseArgs } from '../chat/args.js';
import type { BackendConfig } from '../config.js';
import { Deadline } from '../runtime/deadline.js';
import { Failure } from '../runtime/failure.js';
import { portCall } from '../runtime/port-call.js';
import type { Clock } from '../runtime/ports.js';
import { MetricsAccumulator, type MetricsRange } from './accumulator.js';
import type { MetricsConfig } from './config.js';
import { RangeTooLarge, readMirror, type MirrorRead } from './read-mirror.js';

export interface MetricsDeps {
  transcript: Pick<TranscriptStore, 'scan'>;
  clock: Clock;
  config: BackendConfig;
  metrics: MetricsConfig;
}

export type MetricsAnswer = ChatMetrics & { ok: true };

/** `onRead` hears how many pages and rows a call read (the benchmark). */
export function createGetChatMetrics(deps: MetricsDeps, onRead?: (read: MirrorRead) => void) {
  return async (args: unknown): Promise<MetricsAnswer> => {
    const range = readRange(args);
    const deadline = new Deadline(deps.clock, deps.metrics.overallMs);
    const metrics = new MetricsAccumulator(range, deps.metrics.repeatWindowMs);
    try {
      const read = await readMirror(
        deps.transcript,
        { from: range.from, to: range.to + deps.metrics.repeatWindowMs },
        {
          pageSize: deps.metrics.pageSize,
          concurrency: deps.metrics.concurrency,
          deadline,
          call: (work) => portCall('cms-query', deadline, deps.config, work),
        },
        (rows) => rows.forEach((row) => metrics.add(row)),
      );
      onRead?.(read);
    } catch (error) {
      if (error instanceof RangeTooLarge) {
        throw new Failure('UPSTREAM_UNAVAILABLE', 'metrics-range-too-large', {
          message: 'This range holds too many conversations to count in time. Choose a shorter range.',
        });
      }
      throw error;
    }
    return { ok: true, ...metrics.result() };
  };
}

/** The range in ms; refused with INVALID_INPUT when it runs backwards or spans more than 92 days. */
export function readRange(args: unknown): MetricsRange {
  const { from, to } = parseArgs(ChatMetricsArgsSchema, args, '{from, to}: ms since the epoch or ISO 8601 dates');
  const range = { from: toMs(from), to: toMs(to) };
  const refuse = (message: string) => new Failure('INVALID_INPUT', 'bad-range', { message });
  if (range.from < 0) throw refuse('"from" must not be before 1970.');
  if (range.from >= range.to) throw refuse('"from" must be before "to".');
  if (range.to - range.from > METRICS_LIMITS.maxDays * DAY_MS) throw refuse(`A range spans at most ${METRICS_LIMITS.maxDays} days.`);
  return range;
}

function toMs(value: string | number): number {
  return typeof value === 'number' ? value : Date.parse(value);
}
