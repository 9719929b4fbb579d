/**
 * The `metrics` attribute: page code hands over getChatMetrics' answer as JSON. It is input like
 * any other attribute, so it is size-capped and parsed with the contract's own schema; the
 * questions in it are member text and are only ever rendered as text.
 */
import { ChatMetricsSchema, type ChatMetrics } from '../../../contract/metrics.js';
import { METRICS_MAX } from './attribute-limits.js';

/** The figures, or undefined for a value that is too long, not JSON or not the contract's shape. */
export function readMetrics(value: string): ChatMetrics | undefined {
  if (value.length > METRICS_MAX) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return undefined;
  }
  const result = ChatMetricsSchema.safeParse(parsed);
  return result.success && result.data.from < result.data.to ? result.data : undefined;
}
