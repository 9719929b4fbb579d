/**
 * The collections the install guide asks for, as the setup check compares them: each field the
 * kit writes, with the CMS type the guide names. A test writes a row of each kind through the
 * real Wix adapters and checks that every field they write is listed here, so the check and the
 * adapters cannot drift apart.
 */
import type { BackendConfig } from '../config.js';
import type { FieldType } from './ports.js';

/** The guide's words for a CMS type, and the API types that hold what the kit writes there. */
export const FIELD_TYPES = {
  text: { words: 'Text', accepts: ['TEXT'] },
  number: { words: 'Number', accepts: ['NUMBER'] },
  datetime: { words: 'Date and time', accepts: ['DATETIME'] },
  boolean: { words: 'Boolean', accepts: ['BOOLEAN'] },
  // Tags is ARRAY_STRING; a general Array holds the same list of strings.
  tags: { words: 'Tags', accepts: ['ARRAY_STRING', 'ARRAY'] },
  object: { words: 'Object', accepts: ['OBJECT'] },
} as const satisfies Record<string, { words: string; accepts: readonly FieldType[] }>;

export type ExpectedType = keyof typeof FIELD_TYPES;

export interface ExpectedCollection {
  id: string;
  /** What it is for, in a site owner's words. */
  purpose: string;
  /** Without it the chat does not work (else the defaults hold). */
  required: boolean;
  /**
   * Set when only some of the chat needs it, in a site owner's words: a missing collection then
   * warns instead of failing, since the check can't know which mode the site's pages use.
   */
  neededOnlyFor?: string;
  /** The guide's step that creates it. */
  step: string;
  /** Field key → type. Empty for the settings collection: the owner adds only the fields they change. */
  fields: Record<string, ExpectedType>;
}

export const THREAD_FIELDS: Record<string, ExpectedType> = {
  memberId: 'text',
  threadId: 'text',
  chatbotId: 'text',
  generation: 'number',
  createdAt: 'datetime',
  lastSeenAt: 'datetime',
  handoffState: 'text',
  handoffThreadId: 'text',
  handoffSince: 'number',
  handoffReason: 'text',
  handoffTargets: 'tags',
  handoffReplyAt: 'number',
  inboxConversationId: 'text',
};

export const MESSAGE_FIELDS: Record<string, ExpectedType> = {
  memberId: 'text',
  threadId: 'text',
  clientMessageId: 'text',
  kind: 'text',
  status: 'text',
  question: 'text',
  answer: 'text',
  sources: 'tags',
  reaction: 'text',
  askedAt: 'datetime',
  answeredAt: 'datetime',
  rev: 'number',
  seq: 'text',
  upstreamMessageId: 'text',
  upstreamLatencyMs: 'number',
  errorCode: 'text',
  uncertain: 'boolean',
  attempt: 'number',
  lowConfidence: 'tags',
  repeat: 'boolean',
  handoff: 'object',
  tokens: 'object',
  tokensUsed: 'number',
};

export function expectedCollections(config: BackendConfig): Record<'threads' | 'messages' | 'settings', ExpectedCollection> {
  return {
    threads: {
      id: config.collection,
      purpose: 'which conversation belongs to which member',
      required: true,
      step: 'step 4, "Create the collection"',
      fields: THREAD_FIELDS,
    },
    messages: {
      id: config.chat.messagesCollection,
      purpose: 'a copy of every message',
      required: true,
      neededOnlyFor: 'native mode, automatic replies, the chat metrics and handoff',
      step: 'step 4, "The message collection"',
      fields: MESSAGE_FIELDS,
    },
    settings: {
      id: config.guardrails.settingsCollection,
      purpose: "the chat's settings, changed without publishing",
      required: false,
      step: '"Optional parts", "The settings collection"',
      fields: {},
    },
  };
}
