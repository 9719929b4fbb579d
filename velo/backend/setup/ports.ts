/**
 * What the setup check (checkSetup, an Admin web method) reads. Each port answers a question
 * about the site's set-up; none hands a secret's value to the check's answer. The Wix adapters
 * are in wix/ (setup-ports.ts), the sandbox and the tests bring their own.
 */
import type { SitegptChatPort } from '../chat/ports.js';
import type { SettingsStore } from '../guardrails/ports.js';
import type { Deadline } from '../runtime/deadline.js';
import type { Clock, LogPort, SecretsPort } from '../runtime/ports.js';

export interface SecretNamesPort {
  /** The names of the site's secrets: presence only, never a value. */
  names(): Promise<string[]>;
}

/** A CMS field type as Wix's Data Collections API names it: `TEXT`, `NUMBER`, `DATETIME`, `ARRAY_STRING`, … */
export type FieldType = string;

/** Who may do an action on a collection's items, in Wix's roles: `ADMIN`, `SITE_MEMBER_AUTHOR`, `SITE_MEMBER`, `ANYONE`. */
export type CollectionRole = string;

export interface CollectionSchema {
  fields: Array<{ key: string; type: FieldType }>;
  /** Undefined when Wix did not say (the check then says it could not read them). */
  permissions?: { read?: CollectionRole; insert?: CollectionRole; update?: CollectionRole; remove?: CollectionRole };
}

export interface CollectionSchemaPort {
  /** The collection's fields and permissions, or null when the site has no collection of that ID. */
  get(collectionId: string): Promise<CollectionSchema | null>;
}

/** `GET {baseUrl}/models` of an OpenAI-compatible endpoint: one cheap authenticated read. */
export interface OpenAiModelsPort {
  /**
   * The model IDs the endpoint lists (null when its answer lists none it can read). Throws a
   * Failure: MISCONFIGURED `openai-auth` (401/403), `openai-not-found` (404), UPSTREAM_UNAVAILABLE
   * for no answer in time, a lost connection or a 5xx, RATE_LIMITED for a 429.
   */
  listModels(call: { baseUrl: string; apiKey: string; timeoutMs: number }, deadline: Deadline): Promise<string[] | null>;
}

/**
 * Loads the site's own `backend/realtime-permissions.js` (on Wix a dynamic import Wix resolves),
 * so the check can run its rule with test subscribers. Rejects when the file is missing or broken.
 */
export type RealtimeRuleLoader = () => Promise<unknown>;

export interface SetupPorts {
  secretNames: SecretNamesPort;
  /** Values of the SiteGPT key, chatbot ID and OpenAI key, read only to make the two test calls. */
  secrets: SecretsPort;
  collections: CollectionSchemaPort;
  /** The operator's settings item, read raw (the same port the guardrails read). */
  settings: SettingsStore;
  sitegpt: Pick<SitegptChatPort, 'threadMessages'>;
  openaiModels: OpenAiModelsPort;
  realtimeRule: RealtimeRuleLoader;
  clock: Clock;
  log: LogPort;
}
