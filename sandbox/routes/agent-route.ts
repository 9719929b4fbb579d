/**
 * `POST /_sandbox/agent` with `{text}` (stand-in only): a human agent's reply in the signed-in
 * member's SiteGPT thread, as someone on the site's team would write it from SiteGPT's
 * dashboard (an `AGENT_MESSAGE`). SiteGPT tells nobody of it, so the sandbox then does what a
 * site could do on SiteGPT's webhook: a `turns` notice to the member's devices, whose sync reads
 * the thread and mirrors the reply as an `agent` turn. The member is the session cookie's.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { json, parseJson, readBody } from '../http-io.js';
import type { RealtimeHub } from '../realtime-hub.js';
import type { Sessions } from '../session.js';
import type { Standin } from '../standin.js';
import type { SqliteThreadStore } from '../thread-store.js';

const AgentBody = z.strictObject({ text: z.string().trim().min(1).max(2000) });

export function agentRoute(deps: { chatbotId: string; sessions: Sessions; threads: SqliteThreadStore; realtime: RealtimeHub; standin?: Standin }) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
    if (url.pathname !== '/_sandbox/agent' || req.method !== 'POST' || !deps.standin) return false;
    const body = await readBody(req, res, 8 * 1024);
    if (body === 'too-large') return refuse(res, 413, 'an agent reply is at most 8 KiB');
    const parsed = parseJson(body);
    const input = parsed.ok ? AgentBody.safeParse(parsed.value) : undefined;
    if (!input?.success) return refuse(res, 400, 'send {"text": "…"}: 1-2000 characters');
    const member = deps.sessions.member(req.headers.cookie);
    if (!member) return refuse(res, 401, 'sign in as the member the agent answers');
    const threadId = (await deps.threads.get(member.id))?.threadId;
    const message = threadId ? deps.standin.store.addAgentMessage(deps.chatbotId, threadId, input.data.text) : undefined;
    if (!threadId || !message) return refuse(res, 409, 'the member has no SiteGPT thread yet: open the chat first');
    await deps.realtime.publish(member.id, { v: 1, kind: 'turns', rev: Date.now() });
    json(res, 200, { threadId, messageId: message.messageId });
    return true;
  };
}

function refuse(res: ServerResponse, status: number, error: string): true {
  json(res, status, { error });
  return true;
}
