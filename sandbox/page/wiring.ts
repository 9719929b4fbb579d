/**
 * TEMPORARY page-code wiring, until velo/public's `connectMemberChat` lands (issue 4); then
 * main.ts uses the real controller and this file goes. Enough for the sandbox's flows: member
 * at load, login, logout, switch, stale answers dropped, retry, new conversation.
 */
import type { ChatResult } from '../../velo/backend/contract.js';
import type { SandboxAuth } from './auth.js';
import type { webMethods } from './web-methods.js';

export function connectLocal(element: HTMLElement, auth: SandboxAuth, methods: ReturnType<typeof webMethods>): void {
  let generation = 0;

  function apply(result: ChatResult, memberId: string): void {
    if (auth.currentMember()?.id !== memberId) return;
    if (!result.ok) {
      element.setAttribute('error', result.error.code);
      return;
    }
    element.removeAttribute('error');
    for (const [name, value] of [['email', result.email], ['email-signature', result.emailSignature]] as const) {
      if (value) element.setAttribute(name, value);
      else element.removeAttribute(name);
    }
    element.setAttribute('thread', result.threadId);
  }

  async function refresh(ask: 'get' | 'new' = 'get'): Promise<void> {
    const mine = ++generation;
    const member = auth.currentMember();
    element.removeAttribute('error');
    if (!member) {
      element.setAttribute('member-id', '');
      // Nothing of the previous member stays on the element.
      for (const name of ['thread', 'email', 'email-signature']) element.removeAttribute(name);
      return;
    }
    element.setAttribute('member-id', member.id);
    const result = await (ask === 'new' ? methods.startNewConversation() : methods.getMemberChat());
    if (mine === generation) apply(result, member.id);
  }

  auth.onLogin(() => void refresh());
  auth.onLogout(() => void refresh());
  element.addEventListener('sitegpt-login-request', () => void auth.promptLogin().catch(() => undefined));
  element.addEventListener('sitegpt-retry', () => void refresh());
  element.addEventListener('sitegpt-new-conversation', () => void refresh('new'));
  void refresh();
}
