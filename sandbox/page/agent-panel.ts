/**
 * The panel's "Play a human agent" form (native mode, stand-in only): posts the reply to
 * `POST /_sandbox/agent` for the signed-in member; their devices then show it as an agent turn.
 */
export function connectAgentPanel(panel: HTMLElement, onSent: (detail: unknown) => void): void {
  const form = panel.querySelector<HTMLFormElement>('[data-agent-form]')!;
  const field = form.querySelector<HTMLInputElement>('input')!;
  const status = panel.querySelector<HTMLElement>('[data-agent-status]')!;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const response = await fetch('/_sandbox/agent', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: field.value }) });
    const reply = (await response.json()) as { messageId?: string; error?: string };
    status.classList.toggle('failed', !response.ok);
    status.textContent = response.ok ? 'Sent: the member\'s devices fetch it now.' : (reply.error ?? `HTTP ${response.status}`);
    if (response.ok) {
      onSent({ messageId: reply.messageId });
      form.reset();
    }
  });
  panel.hidden = false;
}
