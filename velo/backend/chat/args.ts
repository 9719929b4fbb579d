/**
 * A web method's arguments, checked with the contract's strict schemas: Wix hands the method
 * whatever the page sent, so an unknown key (a forged `memberId` or `threadId`) or a wrong
 * type is INVALID_INPUT with a message that says what was wrong, never what was sent.
 */
import { Failure } from '../runtime/failure.js';

interface Issue {
  code: string;
  path: PropertyKey[];
  keys?: string[];
  expected?: string;
}

interface SafeParser<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: Issue[] } };
}

/** `expected` names the accepted shapes, for a union whose branches all failed. */
export function parseArgs<T>(schema: SafeParser<T>, value: unknown, expected: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new Failure('INVALID_INPUT', 'bad-arguments', { message: describe(issue, expected) });
}

function describe(issue: Issue | undefined, expected: string): string {
  const where = issue && issue.path.length > 0 ? `"${issue.path.map(String).join('.')}"` : 'the argument';
  switch (issue?.code) {
    case 'unrecognized_keys':
      return `Unknown argument ${(issue.keys ?? []).map((key) => `"${key.slice(0, 40)}"`).join(', ')}: expected ${expected}.`;
    case 'invalid_type':
      return issue.path.length > 0 ? `${where} must be a ${issue.expected}.` : `Expected ${expected}.`;
    case 'invalid_format':
      return `${where} has the wrong format.`;
    case 'too_big':
      return `${where} is too long.`;
    case 'too_small':
      return `${where} is too small.`;
    default:
      return `Expected ${expected}.`;
  }
}
