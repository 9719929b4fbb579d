/**
 * The guardrails of one backend container (architecture.md §9), composed for the web methods:
 * the operator's settings, the kill switch, rate limits, the route of each answer (provider or
 * static reply: `mode: fallback`, SiteGPT's message quota, a spent budget, an open breaker),
 * what each provider call tells the breaker and the budget, and the typed context. The order
 * inside sendChatMessage is chat/send.ts's and chat/delivery.ts's; this holds the decisions.
 */
import type { Notice, Service } from '../../../contract/index.js';
import type { BackendConfig } from '../config.js';
import type { Ports } from '../ports.js';
import type { Deadline } from '../runtime/deadline.js';
import type { Failure } from '../runtime/failure.js';
import { portCall } from '../runtime/port-call.js';
import type { GuardOutcome, Member } from '../runtime/ports.js';
import { Breaker, countsAsUpstreamFailure, type BreakerAdmission } from './breaker.js';
import { createBudget } from './budget.js';
import { buildContext, type TypedContext } from './context.js';
import { admitQuestion, type Admission, type Question } from './rate-limits.js';
import { assertOpen, serviceOf } from './service.js';
import { createSettingsSource } from './settings.js';
import type { Settings } from './settings-schema.js';
import { staticReply } from './static-replies.js';

/** How an answer is made: by the provider (through the breaker), or as a static reply and why. */
export type Route =
  | { kind: 'provider'; admission: BreakerAdmission }
  | { kind: 'static'; guard: Extract<GuardOutcome, 'fallback' | 'quota' | 'budget' | 'breaker-open'> };

export interface Guardrails {
  /** The operator's settings (cached ≤ 30 s). Never throws. */
  settings(): Promise<Settings>;
  /** CHAT_CLOSED when the operator switched the chat off. */
  assertOpen(settings: Settings): void;
  /** Rate limits for a new question (verdict 'retry' when the turn is already in the mirror). Throws RATE_LIMITED. */
  admit(question: Question, settings: Settings, deadline: Deadline): Promise<Admission>;
  /** Decides how the next answer is made; a `provider` route must be reported back. */
  route(settings: Settings, deadline: Deadline): Promise<Route>;
  /** What the provider call of a `provider` route did: null for an answer, else its Failure. */
  report(route: Route, failure: Failure | null, settings: Settings): void;
  /** MESSAGES_LIMIT_REACHED: the provider cannot answer, so this answer is static too. */
  isQuotaFailure(failure: Failure): boolean;
  /** Whether an answer would be static right now, without any call (for a site without the mirror). */
  staticNow(settings: Settings): Route | null;
  staticReply(question: string, settings: Settings): string;
  service(settings: Settings): Service | undefined;
  /** The typed context for the member (and the page they are on). Never throws. */
  context(member: Member, path: string | undefined, deadline: Deadline): Promise<TypedContext | undefined>;
}

export function createGuardrails(ports: Ports, config: BackendConfig): Guardrails {
  const { clock } = ports;
  const io = { transcript: ports.transcript, clock, config };
  const breaker = new Breaker(clock, config.guardrails.probeTimeoutMs);
  const budget = createBudget({
    io,
    secrets: ports.secrets,
    log: ports.log,
    ...(ports.sitegptUsage ? { usage: ports.sitegptUsage } : {}),
    ...(ports.ownerNotifier ? { notifier: ports.ownerNotifier } : {}),
  });
  const publishService = ports.realtime.publishService?.bind(ports.realtime);
  const settings = createSettingsSource({
    store: ports.settings,
    clock,
    log: ports.log,
    config,
    ...(publishService ? { onModeChange: () => publishService({ v: 1, kind: 'service', rev: clock.now() } satisfies Notice) } : {}),
  });
  /** Until when SiteGPT's message quota is taken as used up (MESSAGES_LIMIT_REACHED), in this container. */
  let quotaUntil = 0;

  const staticNow = (current: Settings): Route | null => {
    if (current.mode === 'fallback') return { kind: 'static', guard: 'fallback' };
    if (clock.now() < quotaUntil) return { kind: 'static', guard: 'quota' };
    if (budget.lastKnownSpent()) return { kind: 'static', guard: 'budget' };
    if (breaker.isOpen()) return { kind: 'static', guard: 'breaker-open' };
    return null;
  };

  return {
    settings: () => settings.current(),
    assertOpen,
    admit: (question, current, deadline) => admitQuestion(io, question, current, deadline),

    async route(current, deadline) {
      if (current.mode === 'fallback') return { kind: 'static', guard: 'fallback' };
      if (clock.now() < quotaUntil) return { kind: 'static', guard: 'quota' };
      // The budget before the breaker: a spent budget must not take the breaker's one probe.
      if (await budget.spent(current, deadline)) return { kind: 'static', guard: 'budget' };
      const admission = breaker.admit();
      return admission === 'open' ? { kind: 'static', guard: 'breaker-open' } : { kind: 'provider', admission };
    },

    report(route, failure, current) {
      if (route.kind !== 'provider') return;
      if (failure === null) {
        breaker.report(route.admission, 'success', current);
        return;
      }
      if (failure.reason === 'sitegpt-messages-limit') {
        quotaUntil = clock.now() + config.guardrails.quotaRecheckMs;
        breaker.report(route.admission, 'neutral', current);
        return;
      }
      breaker.report(route.admission, countsAsUpstreamFailure(failure.reason) ? 'failure' : 'neutral', current);
    },

    isQuotaFailure: (failure) => failure.reason === 'sitegpt-messages-limit',
    staticNow,
    staticReply,
    service: serviceOf,

    async context(member, path, deadline) {
      const { memberFacts } = ports;
      const facts = memberFacts ? await portCall('member-facts', deadline, config, () => memberFacts.facts(member)).catch(() => ({})) : {};
      return buildContext(facts, path);
    },
  };
}
