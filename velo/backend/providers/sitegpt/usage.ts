/**
 * SiteGPT's account usage through its v2 API (`GET /api/v2/usage` and `/api/v2/limits`, Bearer
 * v2 token; sitegpt/convex-component `account.ts` names both). Their response shapes are not
 * documented publicly, so both are read defensively: the v2 envelope `{ok: true, data}`, then
 * the messages figure at the first of a few plausible places (`data.messages.used` or a
 * number at `data.messages`, `data.messagesUsed`, `data.usage.messages`; `data.messages.limit`,
 * `data.messagesLimit`, `data.limits.messages` and the like). Anything else is left out with a
 * reason, never guessed. One retry on a network error or 5xx, like every SiteGPT read.
 */
import type { SitegptUsage, SitegptUsagePort } from '../../guardrails/ports.js';
import type { Deadline } from '../../runtime/deadline.js';
import { sendWithRetry, type HttpOptions } from './http.js';

const USED_PATHS = [['messages', 'used'], ['messages', 'count'], ['messages'], ['messagesUsed'], ['usage', 'messages'], ['usage', 'messages', 'used']];
const LIMIT_PATHS = [['messages', 'limit'], ['messages', 'max'], ['messages'], ['messagesLimit'], ['messageLimit'], ['limits', 'messages'], ['limits', 'messages', 'limit']];

/** `baseUrl` is the v2 base (`https://sitegpt.ai/api/v2`). */
export function createUsageClient(options: HttpOptions): SitegptUsagePort {
  const read = async (path: string, token: string, deadline: Deadline) => {
    const reply = await sendWithRetry(options, { method: 'GET', path, apiKey: token }, deadline);
    if (reply.status < 200 || reply.status >= 300) return { data: undefined, problem: `sitegpt-usage-${reply.status}` };
    const body = reply.body as { ok?: unknown; success?: unknown; data?: unknown } | undefined;
    if (!body || (body.ok !== true && body.success !== true)) return { data: undefined, problem: 'sitegpt-usage-envelope' };
    return { data: body.data, problem: undefined };
  };

  return {
    async usage(token, deadline): Promise<SitegptUsage> {
      const [usage, limits] = await Promise.all([read('/usage', token, deadline), read('/limits', token, deadline)]);
      const used = firstNumber(usage.data, USED_PATHS);
      const limit = firstNumber(limits.data, LIMIT_PATHS);
      const unreadable = usage.problem ?? limits.problem ?? (used === undefined ? 'sitegpt-usage-no-used' : limit === undefined ? 'sitegpt-usage-no-limit' : undefined);
      return { ...(used === undefined ? {} : { used }), ...(limit === undefined ? {} : { limit }), ...(unreadable ? { unreadable } : {}) };
    },
  };
}

/** The first whole, non-negative number found at one of the paths. */
function firstNumber(data: unknown, paths: readonly (readonly string[])[]): number | undefined {
  for (const path of paths) {
    let value: unknown = data;
    for (const key of path) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
    if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
  }
  return undefined;
}

/** The v2 base next to a v0 base (`…/api/v0` → `…/api/v2`), so one setting moves both (tests, a proxy). */
export function v2BaseOf(v0Base: string): string {
  return v0Base.replace(/\/api\/v0\/?$/, '/api/v2');
}
