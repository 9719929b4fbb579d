/**
 * The setup check's `report` attribute: page code hands over checkSetup's answer as JSON. Input
 * like any other attribute: size-capped and parsed with the contract's own schema; every word in
 * it is only ever rendered as text.
 */
import { SetupReportSchema, type SetupReport } from '../../../contract/setup.js';
import { SETUP_REPORT_MAX } from './attribute-limits.js';

/** The report, or undefined for a value that is too long, not JSON or not the contract's shape. */
export function readSetupReport(value: string): SetupReport | undefined {
  if (value.length > SETUP_REPORT_MAX) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return undefined;
  }
  const result = SetupReportSchema.safeParse(parsed);
  return result.success ? result.data : undefined;
}
