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
}

export interface BackendConfig {
  secretNames: {
    apiKey: string;
    chatbotId: string;
    /** Optional: keys the thread-ID derivation; without it a key is derived from the API key. */
    threadSecret: string;
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
}

export const defaultConfig: BackendConfig = {
  secretNames: {
    apiKey: 'SITEGPT_API_KEY',
    chatbotId: 'SITEGPT_CHATBOT_ID',
    threadSecret: 'SITEGPT_THREAD_SECRET',
  },
  collection: 'SiteGptMemberThreads',
  sitegptBaseUrl: 'https://sitegpt.ai/api/v0',
  // A thread reply is a few KB; a long history well under this. Above it we stop reading.
  sitegptMaxReplyBytes: 1024 * 1024,
  timeouts: { overallMs: 10_000, sitegptCallMs: 4_000, wixCallMs: 5_000 },
  secretsCacheMs: 5 * 60_000,
  lastSeenRefreshMs: 60 * 60_000,
};

export type ConfigOverrides = Partial<Omit<BackendConfig, 'timeouts' | 'secretNames'>> & {
  timeouts?: Partial<Timeouts>;
  secretNames?: Partial<BackendConfig['secretNames']>;
};

export function makeConfig(overrides: ConfigOverrides = {}): BackendConfig {
  return {
    ...defaultConfig,
    ...overrides,
    timeouts: { ...defaultConfig.timeouts, ...overrides.timeouts },
    secretNames: { ...defaultConfig.secretNames, ...overrides.secretNames },
  };
}
