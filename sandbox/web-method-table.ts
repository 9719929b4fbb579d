/**
 * The web methods the sandbox serves, each with the schema of its arguments. Wix's transport
 * delivers a call's arguments as a JSON array, so every schema is a tuple; the argument shapes
 * are the contract's own (contract/, strict: a forged `memberId` or `threadId` is refused). The
 * kit checks them again inside, as it must on Wix, where nothing checks them before it.
 */
import * as z from 'zod/mini';
import { GetMemberChatArgsSchema, GetMessagesArgsSchema, RateArgsSchema, SendArgsSchema } from '../contract/index.js';
import type { Kit } from '../velo/backend/kit.js';

export type ParsedCall = { ok: true; run: (kit: Kit) => Promise<unknown> } | { ok: false; error: string };

export interface WebMethod {
  /** Checks the call's arguments; a refused call never reaches the kit. */
  parse(args: unknown[]): ParsedCall;
}

function method<A extends unknown[]>(schema: z.ZodMiniType<A>, help: string, run: (kit: Kit, ...args: A) => Promise<unknown>): WebMethod {
  return {
    parse(args) {
      const parsed = schema.safeParse(args);
      if (!parsed.success) return { ok: false, error: help };
      return { ok: true, run: (kit) => run(kit, ...parsed.data) };
    },
  };
}

const none = z.tuple([]);
const one = <T extends z.ZodMiniType>(schema: T) => z.tuple([schema]);

const WEB_METHODS: Readonly<Record<string, WebMethod>> = {
  getMemberChat: method(
    one(GetMemberChatArgsSchema), // its argument is optional, so [] passes too
    'getMemberChat takes no arguments, or one {history?: boolean}: send [] or [{"history": true}]',
    (kit, ...args) => kit.getMemberChat(args[0]),
  ),
  startNewConversation: method(none, 'startNewConversation takes no arguments: send []', (kit) => kit.startNewConversation()),
  forgetMyChat: method(none, 'forgetMyChat takes no arguments: send []', (kit) => kit.forgetMyChat()),
  sendChatMessage: method(one(SendArgsSchema), 'sendChatMessage takes [{clientMessageId, text}]', (kit, args) => kit.sendChatMessage(args)),
  getChatMessages: method(one(GetMessagesArgsSchema), 'getChatMessages takes [{before: cursor}] or [{after: rev}]', (kit, args) => kit.getChatMessages(args)),
  rateAnswer: method(one(RateArgsSchema), 'rateAnswer takes [{messageId, reaction: POSITIVE | NEGATIVE | NEUTRAL}]', (kit, args) => kit.rateAnswer(args)),
  requestHuman: method(none, 'requestHuman takes no arguments: send []', (kit) => kit.requestHuman()),
};

export function findWebMethod(name: string): WebMethod | undefined {
  return Object.hasOwn(WEB_METHODS, name) ? WEB_METHODS[name] : undefined;
}
