/**
 * The panel's "Site owner's inbox": the sandbox's stand-in of Wix Inbox, as the site's team sees
 * it in the dashboard. It lists the conversations the kit opened on a handoff (the kit's note,
 * the member's questions, the team's replies) with a reply box each; a reply goes to
 * `POST /_sandbox/inbox/reply`, and the backend gets it as Wix's event for backend/events.js, so
 * the member's devices show it as a person's reply. Refreshed after every web-method call.
 */
interface Entry {
  id: string;
  from: 'kit' | 'member' | 'owner';
  text: string;
}

interface Conversation {
  conversationId: string;
  memberId: string;
  messages: Entry[];
}

const WHO: Record<Entry['from'], string> = { kit: "Kit's note", member: 'Member', owner: 'You (site owner)' };

export interface InboxPanel {
  refresh(): Promise<void>;
}

export function connectInboxPanel(panel: HTMLElement, onSent: (detail: unknown) => void): InboxPanel {
  const list = panel.querySelector<HTMLElement>('[data-inbox-list]')!;
  const status = panel.querySelector<HTMLElement>('[data-inbox-status]')!;
  panel.querySelector('[data-inbox-refresh]')!.addEventListener('click', () => void refresh());
  /** What the owner was typing, per conversation, kept across refreshes. */
  const drafts = new Map<string, string>();
  let shown = '';

  function render(conversations: Conversation[]): void {
    const key = JSON.stringify(conversations);
    if (key === shown) return; // nothing new: the owner's focus and typing stay where they are
    shown = key;
    list.replaceChildren(
      ...conversations.map(({ conversationId, memberId, messages }) => {
        const item = document.createElement('li');
        item.dataset.inboxConversation = memberId;
        const head = Object.assign(document.createElement('p'), { className: 'who', textContent: memberId });
        const lines = document.createElement('ol');
        for (const { from, text } of messages) {
          const line = Object.assign(document.createElement('li'), { className: `from-${from}` });
          line.append(Object.assign(document.createElement('b'), { textContent: `${WHO[from]}: ` }), text);
          lines.append(line);
        }
        const form = Object.assign(document.createElement('form'), { className: 'agent-form' });
        const field = Object.assign(document.createElement('input'), { name: 'text', maxLength: 2000, required: true, placeholder: 'Hi, this is Sam from the shop.' });
        field.setAttribute('aria-label', `Reply to ${memberId}`);
        field.value = drafts.get(conversationId) ?? '';
        field.addEventListener('input', () => drafts.set(conversationId, field.value));
        form.append(field, Object.assign(document.createElement('button'), { type: 'submit', textContent: 'Reply' }));
        form.addEventListener('submit', (event) => {
          event.preventDefault();
          void reply(conversationId, memberId, field.value);
        });
        item.append(head, lines, form);
        return item;
      }),
    );
    status.textContent = conversations.length ? '' : 'No conversations yet: a member asks for a person first.';
  }

  async function reply(conversationId: string, memberId: string, text: string): Promise<void> {
    const response = await fetch('/_sandbox/inbox/reply', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ conversationId, text }) });
    const answer = (await response.json()) as { error?: string };
    status.classList.toggle('failed', !response.ok);
    status.textContent = response.ok ? `Replied to ${memberId}: their devices show it now.` : (answer.error ?? `HTTP ${response.status}`);
    if (!response.ok) return;
    drafts.delete(conversationId);
    onSent({ memberId });
    await refresh();
  }

  async function refresh(): Promise<void> {
    try {
      const answer = (await (await fetch('/_sandbox/inbox')).json()) as { conversations: Conversation[] };
      render(answer.conversations);
    } catch {
      // the next call refreshes again
    }
  }

  panel.hidden = false;
  void refresh();
  return { refresh };
}
