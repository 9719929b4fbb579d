/**
 * The web methods the sandbox serves, each with the zod schema of its arguments. Wix's
 * transport delivers a call's arguments as a JSON array, so every schema is a tuple; none of
 * today's methods takes one (the member comes from the session, never from the page). Native
 * mode adds methods with arguments here, for example
 *   sendChatMessage: method(z.tuple([z.strictObject({ clientMessageId: …, text: … })]),
 *                           (core, input) => core.sendChatMessage(input)),
 */
import { z } from 'zod';
import type { MemberChatCore } from '../velo/backend/threads/member-threads.core.js';

export type ParsedCall = { ok: true; run: (core: MemberChatCore) => Promise<unknown> } | { ok: false; error: string };

export interface WebMethod {
  /** Checks the call's arguments; a refused call never reaches the core. */
  parse(args: unknown[]): ParsedCall;
}

function method<A extends unknown[]>(schema: z.ZodType<A>, run: (core: MemberChatCore, ...args: A) => Promise<unknown>): WebMethod {
  return {
    parse(args) {
      const parsed = schema.safeParse(args);
      if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? 'invalid arguments' };
      return { ok: true, run: (core) => run(core, ...parsed.data) };
    },
  };
}

const noArguments = (name: string) => z.tuple([], { error: `${name} takes no arguments: send []` });

const WEB_METHODS: Readonly<Record<string, WebMethod>> = {
  getMemberChat: method(noArguments('getMemberChat'), (core) => core.getMemberChat()),
  startNewConversation: method(noArguments('startNewConversation'), (core) => core.startNewConversation()),
  forgetMyChat: method(noArguments('forgetMyChat'), (core) => core.forgetMyChat()),
};

export function findWebMethod(name: string): WebMethod | undefined {
  return Object.hasOwn(WEB_METHODS, name) ? WEB_METHODS[name] : undefined;
}
