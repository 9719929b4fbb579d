/**
 * The site owner's side of the Wix Inbox stand-in (inbox-standin.ts), what the owner does in the
 * dashboard's Inbox:
 *   GET  /_sandbox/inbox         the conversations the kit opened on a handoff, with their messages
 *                                (the kit's note, the member's questions, the team's replies)
 *   POST /_sandbox/inbox/reply   `{conversationId, text}`: the owner replies. The stand-in stores it
 *                                and the backend gets the event Wix would send backend/events.js
 *                                (`wixInboxV2_onMessageSentToParticipant`), which mirrors it as an
 *                                `agent` turn and tells the member's devices.
 * A sandbox tool like the operator settings: the sandbox answers on loopback only, and a POST must
 * come from the page's own origin (server.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { SandboxBackend } from '../backend.js';
import { json, parseJson, readBody } from '../http-io.js';
import type { InboxStandin } from '../inbox-standin.js';

const ReplyBody = z.strictObject({ conversationId: z.string().min(1).max(200), text: z.string().trim().min(1).max(2000) });

export function inboxRoute(deps: { inbox: InboxStandin; backend: Pick<SandboxBackend, 'onInboxMessage'> }) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
    if (url.pathname === '/_sandbox/inbox' && req.method === 'GET') {
      json(res, 200, { conversations: deps.inbox.conversations() });
      return true;
    }
    if (url.pathname !== '/_sandbox/inbox/reply' || req.method !== 'POST') return false;
    const body = await readBody(req, res, 8 * 1024);
    if (body === 'too-large') return refuse(res, 413, 'a reply is at most 8 KiB');
    const parsed = parseJson(body);
    const input = parsed.ok ? ReplyBody.safeParse(parsed.value) : undefined;
    if (!input?.success) return refuse(res, 400, 'send {"conversationId": "…", "text": "…"}: 1-2000 characters');
    const event = deps.inbox.reply(input.data.conversationId, input.data.text);
    if (!event) return refuse(res, 404, 'no such conversation in the inbox');
    // Wix calls the site's backend event after the message is stored; the sandbox waits for it,
    // so the panel can say the member's devices have been told.
    await deps.backend.onInboxMessage(event);
    json(res, 200, { ok: true });
    return true;
  };
}

function refuse(res: ServerResponse, status: number, error: string): true {
  json(res, status, { error });
  return true;
}
