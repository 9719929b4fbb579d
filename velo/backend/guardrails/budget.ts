/**
 * Budgets (architecture.md §9): the operator's monthly message budget (`monthlyMessageBudget`,
 * calendar month UTC), counted from the mirror (`ai` turns: questions that went to the
 * provider), and, when the site has a SiteGPT v2 token (`SITEGPT_V2_TOKEN`), SiteGPT's own
 * usage against its limits. At 50, 80 and 100 % of either: one log line and one notice to the
 * site owner, once per threshold and month across every container (a content-free lock row
 * keyed by month and threshold: only its first insert alerts). At 100 % answers fall back to
 * static replies. The mirror's count is reused for `budgetCacheMs` per container (each question
 * meanwhile adds one), SiteGPT's figures for `sitegptUsageCacheMs`. Never throws: a figure
 * that cannot be had is left out.
 *
 * With the OpenAI-compatible provider, the monthly token budget (`monthlyTokenBudget`) too: the
 * prompt and completion tokens stored on this month's turns (TranscriptStore.sumTokensSince),
 * with the same alerts (their own lock rows) and the same fallback at 100 %. A turn's tokens are
 * known only once it is answered, so the sum is what was spent before this question, reused
 * for `budgetCacheMs` per container: a busy site can pass the budget by what its containers
 * spend in that time. It limits only that provider: with SiteGPT its figure is not read.
 */
import { Deadline } from '../runtime/deadline.js';
import { digestId } from '../runtime/digest-id.js';
import { Failure } from '../runtime/failure.js';
import { portCall } from '../runtime/port-call.js';
import type { LogPort, SecretsPort } from '../runtime/ports.js';
import { lockRow, SITE_LOCKS } from './lock-rows.js';
import type { OwnerNotifier, SitegptUsagePort } from './ports.js';
import type { MirrorIo } from './rate-limits.js';
import { writeEvent } from './settings.js';
import type { Settings } from './settings-schema.js';

export const THRESHOLDS = [50, 80, 100] as const;

export interface BudgetDeps {
  io: MirrorIo;
  secrets: SecretsPort;
  log: LogPort;
  usage?: SitegptUsagePort;
  notifier?: OwnerNotifier;
}

export interface Budget {
  /**
   * For a question about to go to the provider (its `ai` row already in the mirror): brings stale
   * figures up to date, sends due alerts, and answers true when the budget has no room for it.
   */
  spent(settings: Pick<Settings, 'monthlyMessageBudget' | 'monthlyTokenBudget' | 'provider'>, deadline: Deadline): Promise<boolean>;
  /** As of the last look, without any call (for a look ahead). */
  lastKnownSpent(): boolean;
}

interface Figure {
  used: number;
  limit: number;
}

export function createBudget(deps: BudgetDeps): Budget {
  const { io, log } = deps;
  const { config, clock } = io;
  let mirror: { month: string; used: number; until: number } | undefined;
  let sitegpt: { figure: Figure | undefined; until: number } | undefined;
  let tokens: { month: string; used: number; until: number } | undefined;
  const alerted = new Set<string>();
  let spentLast = false;

  /**
   * This month's questions to the provider, this one included: a fresh count holds its row
   * already; between counts each question adds one to the last count.
   */
  async function mirrorFigure(budget: number, month: string, monthStart: number, deadline: Deadline): Promise<Figure | undefined> {
    if (budget <= 0) return undefined;
    const now = clock.now();
    if (mirror && mirror.month === month && mirror.until > now) {
      mirror.used += 1;
    } else {
      try {
        const used = await portCall('cms-count', deadline, config, () => io.transcript.countAiTurnsSince(monthStart));
        mirror = { month, used, until: now + config.guardrails.budgetCacheMs };
      } catch {
        // Keep this month's last count, if there is one; a CMS hiccup must not fail a send.
        if (mirror?.month !== month) return undefined;
        mirror.used += 1;
      }
    }
    return { used: mirror.used, limit: budget };
  }

  /** This month's tokens, as stored on the turns answered before this question. */
  async function tokenFigure(budget: number, month: string, monthStart: number, deadline: Deadline): Promise<Figure | undefined> {
    if (budget <= 0) return undefined;
    const now = clock.now();
    if (!tokens || tokens.month !== month || tokens.until <= now) {
      try {
        const used = await portCall('cms-sum', deadline, config, () => io.transcript.sumTokensSince(monthStart));
        tokens = { month, used, until: now + config.guardrails.budgetCacheMs };
      } catch {
        // Keep this month's last sum, if there is one; a CMS hiccup must not fail a send.
        if (tokens?.month !== month) return undefined;
      }
    }
    return { used: tokens.used, limit: budget };
  }

  async function sitegptFigure(deadline: Deadline): Promise<Figure | undefined> {
    const now = clock.now();
    if (sitegpt && sitegpt.until > now) return sitegpt.figure;
    sitegpt = { figure: undefined, until: now + config.guardrails.sitegptUsageCacheMs };
    if (!deps.usage) return undefined;
    const token = await portCall('secrets', deadline, config, () => deps.secrets.get(config.secretNames.v2Token)).catch(() => undefined);
    if (!token) return undefined;
    try {
      const usage = await deps.usage.usage(token, deadline);
      if (usage.used !== undefined && usage.limit !== undefined && usage.limit > 0) {
        sitegpt.figure = { used: usage.used, limit: usage.limit };
      } else {
        writeEvent(log, { event: 'sitegpt-usage-unreadable', reason: usage.unreadable ?? 'no-figures' });
      }
    } catch (error) {
      writeEvent(log, { event: 'sitegpt-usage-unreadable', reason: error instanceof Failure ? error.reason : 'usage-error' });
    }
    return sitegpt.figure;
  }

  async function alert(month: string, threshold: number, source: Source, figure: Figure, deadline: Deadline): Promise<void> {
    // The token budget is another budget: its alerts have their own keys and lock rows.
    const tokenBudget = source === 'tokens';
    const key = tokenBudget ? `tokens/${month}/${threshold}` : `${month}/${threshold}`;
    if (alerted.has(key)) return;
    const _id = await digestId(tokenBudget ? ['sitegpt-member-chat/budget-alert/tokens/v1', month, threshold] : ['sitegpt-member-chat/budget-alert/v1', month, threshold]);
    const label = tokenBudget ? `budget-alert-tokens-${month}-${threshold}` : `budget-alert-${month}-${threshold}`;
    const row = lockRow({ _id, memberId: SITE_LOCKS, threadId: SITE_LOCKS, label, now: clock.now() });
    const outcome = await portCall('cms-write', deadline, config, () => io.transcript.insert(row)).catch(() => null);
    if (outcome === null) return; // try again on a later send
    alerted.add(key);
    if (outcome === 'duplicate') return; // another container alerted
    writeEvent(log, { event: 'budget-alert', threshold, month, source, used: figure.used, limit: figure.limit });
    if (!deps.notifier) return;
    const notify = deps.notifier.notify(alertText(threshold, source, figure));
    await portCall('owner-notify', deadline, config, () => notify).catch((error: unknown) => {
      writeEvent(log, { event: 'owner-notify-failed', reason: error instanceof Failure ? error.reason : 'notify-error' });
    });
  }

  return {
    async spent(settings, outer) {
      const now = clock.now();
      const date = new Date(now);
      const month = `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
      const monthStart = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
      // The budget's own calls get a short share of the send's time, never all of it.
      const deadline = new Deadline(clock, outer.allow(config.timeouts.wixCallMs));
      const tokenBudget = settings.provider === 'openai' ? settings.monthlyTokenBudget : 0;
      const figures = await Promise.all([
        mirrorFigure(settings.monthlyMessageBudget, month, monthStart, deadline).then((f) => ['mirror', f] as const),
        sitegptFigure(deadline).then((f) => ['sitegpt', f] as const),
        tokenFigure(tokenBudget, month, monthStart, deadline).then((f) => ['tokens', f] as const),
      ]);
      let spent = false;
      for (const [source, figure] of figures) {
        if (!figure) continue;
        const percent = (Math.min(figure.used, figure.limit) / figure.limit) * 100;
        for (const threshold of THRESHOLDS) {
          if (percent >= threshold) await alert(month, threshold, source, figure, deadline);
        }
        // The mirror's figure counts this question: it may be the budget's last. SiteGPT's and the
        // tokens count only what was answered: at the limit there is no room for this one.
        spent ||= source === 'mirror' ? figure.used > figure.limit : figure.used >= figure.limit;
      }
      spentLast = spent;
      return spent;
    },
    lastKnownSpent: () => spentLast,
  };
}

type Source = 'mirror' | 'sitegpt' | 'tokens';

const BUDGET_NAMES: Record<Source, string> = {
  mirror: "this month's message budget of the member chat",
  sitegpt: "your SiteGPT account's message quota",
  tokens: "this month's token budget of the member chat (OpenAI-compatible provider)",
};

/** At most 512 characters (Wix's limit for a notification body); no member, no message text. */
export function alertText(threshold: number, source: Source, figure: Figure): string {
  const what = BUDGET_NAMES[source];
  const then = threshold >= 100 ? ' Members now get the static replies from SiteGPT Settings until it resets or is raised.' : '';
  return `SiteGPT member chat: ${threshold} % of ${what} is used (${figure.used} of ${figure.limit}).${then}`.slice(0, 512);
}
