/**
 * Everything a site owner might need to change, in one place. Values that are secret or that
 * differ per site (API key, chatbot ID) live in the Wix Secrets Manager under these names, so
 * the same built file works on any site without an edit.
 */
export interface Timeouts {
  /** One web-method call, end to end; Wix drops the answer after 14 s. */
  overallMs: number;
  /** One SiteGPT request; a retry gets its own, inside the overall deadline. */
  sitegptCallMs: number;
  /** One Wix call (member, secret, CMS); Wix caps Data requests at 5 s itself. */
  wixCallMs: number;
  /** One sendChatMessage call, end to end: SiteGPT's answer takes most of Wix's 14 s. */
  sendOverallMs: number;
  /** The one SiteGPT send-message request inside it (never retried: a send is not idempotent). */
  sitegptSendMs: number;
  /** Kept back from the SiteGPT send for storing its outcome, so a slow answer still gets written. */
  sendWriteReserveMs: number;
}

export interface BackendConfig {
  secretNames: {
    apiKey: string;
    chatbotId: string;
    /** Optional: keys the thread-ID derivation; without it a key is derived from the API key. */
    threadSecret: string;
    /** Optional: a SiteGPT v2 token (scope conversations:*), for the account's usage and limits (budgets). */
    v2Token: string;
    /** The OpenAI-compatible provider's key (settings `provider: openai`); sent only as its Bearer token. */
    openaiApiKey: string;
  };
  /** Admin-only CMS collection, one row per member with `_id = memberId`. */
  collection: string;
  sitegptBaseUrl: string;
  /** The most of one SiteGPT reply that is read; a longer one is UPSTREAM_UNAVAILABLE. */
  sitegptMaxReplyBytes: number;
  timeouts: Timeouts;
  /** How long secret values are reused within one backend container. */
  secretsCacheMs: number;
  /** lastSeenAt is refreshed at most this often, so a returning member rarely costs a write. */
  lastSeenRefreshMs: number;
  /** Native mode (architecture.md §8): the transcript mirror and what it accepts. */
  chat: ChatConfig;
  /** The guardrails (architecture.md §9): where the operator's settings live and how long values are reused. */
  guardrails: GuardrailsConfig;
  /** The OpenAI-compatible provider (architecture.md §11); what it sends is in the operator's settings. */
  openai: OpenAiConfig;
}

export interface OpenAiConfig {
  /** The one chat-completions request (never retried: each try costs tokens), inside the send's deadline. */
  requestMs: number;
  /** The most of one reply that is read; a longer one is UPSTREAM_UNAVAILABLE. */
  maxReplyBytes: number;
  /**
   * The earlier turns sent with a question stop at this many characters (questions and answers
   * together, newest kept): `historyTurns` alone would let 50 long answers make every question
   * cost a couple of hundred thousand tokens.
   */
  historyMaxChars: number;
}

export interface GuardrailsConfig {
  /** Admin-only CMS collection holding ONE item: the operator's settings (guardrails/settings-schema.ts). */
  settingsCollection: string;
  /** How long one container reuses the settings it read: a change takes effect within this. At most 30 s. */
  settingsCacheMs: number;
  /** How long one container reuses the mirror's count of this month's messages (its own sends are added meanwhile). */
  budgetCacheMs: number;
  /** How long one container reuses SiteGPT's v2 usage and limits. */
  sitegptUsageCacheMs: number;
  /** After SiteGPT answered MESSAGES_LIMIT_REACHED, one container answers statically this long before asking again. */
  quotaRecheckMs: number;
  /** A breaker probe that has not reported back after this long (its call died) lets another probe through. */
  probeTimeoutMs: number;
}

export interface ChatConfig {
  /** Admin-only CMS collection, one row per turn (architecture.md §8.3). */
  messagesCollection: string;
  /** A question longer than this (code points, after normalising) is INVALID_INPUT. */
  maxQuestionChars: number;
  /** An answer is stored up to this many code points, then cut with a marker (a page stays small). */
  maxAnswerChars: number;
  /** Sources kept per answer, and the longest URL kept (what the wire contract allows). */
  maxSources: number;
  maxSourceChars: number;
  /** Turns per history page: the newest page comes with getMemberChat, so sign-in is one call. */
  pageSize: number;
  /** Turns per "what changed since" answer (the wire allows 100). */
  changesLimit: number;
  /** `after` reads this much further back: backend containers' clocks differ, rev comes from them. */
  syncOverlapMs: number;
  /** A pending row older than this lost its container (Wix cuts a call at 14 s): a retry may take over. */
  pendingStaleMs: number;
  /** How often a retry that found another container's pending row re-reads it. */
  pendingPollMs: number;
  /** SiteGPT's clock vs ours, when a retry looks for its question in SiteGPT's thread. */
  reconcileSkewMs: number;
  /**
   * After a send that may have reached SiteGPT failed, SiteGPT may still be working on it: a
   * retry that does not find the question yet posts only once this long has passed since.
   */
  uncertainSettleMs: number;
  /** At most one SiteGPT thread read for agent messages per member per this long, per container. */
  agentSyncMs: number;
}

export const defaultConfig: BackendConfig = {
  secretNames: {
    apiKey: 'SITEGPT_API_KEY',
    chatbotId: 'SITEGPT_CHATBOT_ID',
    threadSecret: 'SITEGPT_THREAD_SECRET',
    v2Token: 'SITEGPT_V2_TOKEN',
    openaiApiKey: 'OPENAI_API_KEY',
  },
  collection: 'SiteGptMemberThreads',
  sitegptBaseUrl: 'https://sitegpt.ai/api/v0',
  // A thread reply is a few KB; a long history well under this. Above it we stop reading.
  sitegptMaxReplyBytes: 1024 * 1024,
  timeouts: {
    overallMs: 10_000,
    sitegptCallMs: 4_000,
    wixCallMs: 5_000,
    sendOverallMs: 13_000,
    sitegptSendMs: 10_000,
    sendWriteReserveMs: 1_500,
  },
  secretsCacheMs: 5 * 60_000,
  lastSeenRefreshMs: 60 * 60_000,
  chat: {
    messagesCollection: 'SiteGptMessages',
    maxQuestionChars: 2_000,
    maxAnswerChars: 16_000,
    maxSources: 10,
    maxSourceChars: 2_048,
    pageSize: 20,
    changesLimit: 100,
    syncOverlapMs: 5_000,
    // Longer than a send can live (13 s, and Wix's own 14 s cut), so a live send is never taken over.
    pendingStaleMs: 20_000,
    pendingPollMs: 250,
    reconcileSkewMs: 30_000,
    uncertainSettleMs: 30_000,
    agentSyncMs: 30_000,
  },
  guardrails: {
    settingsCollection: 'SiteGptSettings',
    settingsCacheMs: 30_000,
    budgetCacheMs: 60_000,
    sitegptUsageCacheMs: 5 * 60_000,
    quotaRecheckMs: 5 * 60_000,
    // Longer than any send can take (sendOverallMs, and Wix's own 14 s cut).
    probeTimeoutMs: 20_000,
  },
  openai: {
    // Like SiteGPT's send: most of Wix's 14 s, with room to store the answer.
    requestMs: 10_000,
    maxReplyBytes: 1024 * 1024,
    // About 6,000 tokens at 4 characters a token (bench/provider.bench.ts shows the cost).
    historyMaxChars: 24_000,
  },
};

export type ConfigOverrides = Partial<Omit<BackendConfig, 'timeouts' | 'secretNames' | 'chat' | 'guardrails' | 'openai'>> & {
  timeouts?: Partial<Timeouts>;
  secretNames?: Partial<BackendConfig['secretNames']>;
  chat?: Partial<ChatConfig>;
  guardrails?: Partial<GuardrailsConfig>;
  openai?: Partial<OpenAiConfig>;
};

export function makeConfig(overrides: ConfigOverrides = {}): BackendConfig {
  return {
    ...defaultConfig,
    ...overrides,
    timeouts: { ...defaultConfig.timeouts, ...overrides.timeouts },
    secretNames: { ...defaultConfig.secretNames, ...overrides.secretNames },
    chat: { ...defaultConfig.chat, ...overrides.chat },
    guardrails: { ...defaultConfig.guardrails, ...overrides.guardrails },
    openai: { ...defaultConfig.openai, ...overrides.openai },
  };
}
