/**
 * Member → thread as building blocks for the web methods (architecture.md §4): who is calling,
 * which SiteGPT thread is theirs (provisioned the first time), a fresh one on request, and
 * forgetting it. Widget mode's methods (member-threads.core.ts) and native mode's (kit.ts)
 * both run on these, each inside its own instrumented call.
 */
import type { BackendConfig } from '../config.js';
import type { MemberChat } from '../../../contract/index.js';
import { Deadline } from '../runtime/deadline.js';
import { signEmail } from './email-signature.js';
import { Failure } from '../runtime/failure.js';
import type { Trace } from '../runtime/instrument.js';
import { portCall } from '../runtime/port-call.js';
import type { Member } from '../runtime/ports.js';
import { handoffFieldsOf, NO_HANDOFF } from '../handoff/episode.js';
import type { HandoffFields, ThreadPorts, ThreadRow } from './ports.js';
import { provisionThread } from './provision.js';
import { createSiteSecretsLoader, type SiteSecrets } from './site-secrets.js';
import { SingleFlight } from '../runtime/single-flight.js';
import { deriveThreadId } from './thread-id.js';

/** The signed-in member on their current thread, with the site's settings. */
export interface MemberThread {
  member: Member;
  threadId: string;
  site: SiteSecrets;
  /** The handoff fields of the member's row as read (handoff/episode.ts reads them); absent for a new thread. */
  handoff?: HandoffFields;
}

export interface ResolveOptions {
  /** Read the primary copy of the member's row. */
  consistent?: boolean;
  /** The signed-in member, when the caller already looked them up (saves a second look-up). */
  member?: Member;
}

export interface MemberThreads {
  signedInMember(deadline: Deadline, trace: Trace): Promise<Member>;
  settings(deadline: Deadline): Promise<SiteSecrets>;
  /**
   * `get`: the member's stored thread, provisioned if there is none (`consistent` reads the
   * primary copy, for a write path that must not use a thread another device just replaced);
   * `new`: a fresh thread.
   */
  resolve(mode: 'get' | 'new', deadline: Deadline, trace: Trace, options?: ResolveOptions): Promise<MemberThread>;
  /** Drops the member's mapping (the next chat gets a new thread); answers the member. */
  forget(deadline: Deadline, trace: Trace): Promise<Member>;
  /** What getMemberChat / startNewConversation answer for a resolved thread. */
  answer(resolved: MemberThread, trace: Trace): Promise<MemberChat>;
}

export function createMemberThreads(ports: ThreadPorts, config: BackendConfig): MemberThreads {
  const settings = createSiteSecretsLoader(ports.secrets, ports.clock, config);
  const freshDeadline = () => new Deadline(ports.clock, config.timeouts.overallMs);
  const provisioning = new SingleFlight<ThreadRow>('provisioning', freshDeadline);
  const cms = <T>(label: string, deadline: Deadline, work: () => Promise<T>) =>
    portCall(label, deadline, config, work);

  async function signedInMember(deadline: Deadline, trace: Trace): Promise<Member> {
    const member = await portCall('members', deadline, config, () => ports.members.current());
    if (!member) throw new Failure('NOT_SIGNED_IN', 'no-member');
    trace.memberId = member.id;
    return member;
  }

  async function resolve(
    mode: 'get' | 'new',
    deadline: Deadline,
    trace: Trace,
    options: ResolveOptions = {},
  ): Promise<MemberThread> {
    const member = options.member ?? (await signedInMember(deadline, trace));
    const [site, row] = await Promise.all([
      settings.load(deadline),
      // "New" reads the primary copy, so a stale row cannot hand back the current thread.
      cms('cms-read', deadline, () => ports.threads.get(member.id, { consistent: mode === 'new' || !!options.consistent })),
    ]);
    if (mode === 'get' && row?.threadId && row.chatbotId === site.chatbotId) {
      await refreshLastSeen(row, deadline);
      return { member, threadId: row.threadId, site, handoff: handoffFieldsOf(row) };
    }
    const generation = nextGeneration(row);
    const input = { chatbotId: site.chatbotId, memberId: member.id, generation };
    // Keyed by what the thread ID is derived from, known before the (async) HMAC: concurrent
    // calls then join one run before any of them awaits. The run has its own deadline (see
    // SingleFlight); this call waits for it until its own deadline.
    const stored = await provisioning.run(JSON.stringify(input), deadline, async (runDeadline) => {
      trace.sitegptCalled = true;
      const threadId = await deriveThreadId(site.threadKey, input);
      const provision = { member, site, previous: row, threadId, generation, deadline: runDeadline };
      return provisionThread(ports, config, provision);
    });
    return { member, threadId: stored.threadId!, site };
  }

  /** Best effort and rare (see lastSeenRefreshMs): a failed refresh must not fail the chat. */
  async function refreshLastSeen(row: ThreadRow, deadline: Deadline): Promise<void> {
    const now = ports.clock.now();
    if (now - Date.parse(row.lastSeenAt) < config.lastSeenRefreshMs) return;
    await cms('cms-touch', deadline, () => ports.threads.touch(row.memberId, new Date(now).toISOString())).catch(
      () => undefined,
    );
  }

  async function forget(deadline: Deadline, trace: Trace): Promise<Member> {
    const member = await signedInMember(deadline, trace);
    // Read the primary copy: "forgotten" must not rest on a stale read that missed the row.
    const row = await cms('cms-read', deadline, () => ports.threads.get(member.id, { consistent: true }));
    if (row?.threadId) {
      // SiteGPT v0 cannot delete a thread, so the row keeps a bumped counter and no thread:
      // the member's next chat gets a new ID instead of re-deriving the forgotten one.
      const lastSeenAt = new Date(ports.clock.now()).toISOString();
      // Forgetting ends any offer or handoff, and drops the Wix Inbox mapping with it.
      const handoff = Object.keys(handoffFieldsOf(row)).length > 0 ? NO_HANDOFF : {};
      const forgotten = { ...row, ...handoff, threadId: null, generation: row.generation + 1, lastSeenAt };
      await cms('cms-write', deadline, () => ports.threads.update(forgotten));
    }
    return member;
  }

  return {
    signedInMember,
    settings: (deadline) => settings.load(deadline),
    resolve,
    forget,
    answer: ({ member, threadId, site }, trace) => answer(member, threadId, site, trace),
  };
}

/**
 * The generation the member's next thread is derived from. A forgotten row already carries a
 * fresh one; "new conversation" and a changed chatbot move on from the current one.
 */
function nextGeneration(row: ThreadRow | null): number {
  if (!row) return 0;
  return row.threadId === null ? row.generation : row.generation + 1;
}

async function answer(member: Member, threadId: string, site: SiteSecrets, trace: Trace): Promise<MemberChat> {
  const result: MemberChat = { ok: true, memberId: member.id, threadId };
  if (!member.loginEmail) return result;
  const signature = await signEmail(site.apiKey, member.loginEmail);
  // An email we will not sign is not sent either: the widget would only reject it.
  if (signature === undefined) {
    trace.note = 'email-not-signable';
    return result;
  }
  result.email = member.loginEmail;
  result.emailSignature = signature;
  return result;
}
