/**
 * The panel's fault switch (stand-in only): buttons that queue a SiteGPT fault through
 * `POST /_sandbox/faults`, and the list of pending ones (`GET /_sandbox/faults`), so nobody
 * needs the console to watch the element fail and recover. A fault answers the SiteGPT
 * requests of ONE web-method call; a returning member's call makes no SiteGPT request.
 */
type PendingFault =
  | { kind: 'status'; status: number; retryAfter?: string; left: number }
  | { kind: 'delay'; delayMs: number; left: number }
  | { kind: 'garbage' | 'network-error' | 'wrong-shape'; left: number };

interface FaultList {
  pending: number;
  faults: PendingFault[];
}

const PRESETS: readonly { label: string; title: string; body: object }[] = [
  { label: '500 ×2', title: 'SiteGPT answers 500 to a request and to its retry: the next call that reaches SiteGPT fails', body: { status: 500, times: 2 } },
  { label: '429 wait 20 s', title: 'SiteGPT answers 429 with Retry-After: 20 to the next request: that call is RATE_LIMITED', body: { status: 429, retryAfter: 20 } },
  { label: 'slow 3 s', title: 'The next SiteGPT request answers after 3 seconds', body: { delayMs: 3000 } },
  { label: 'garbage 200', title: 'The next SiteGPT request answers 200 with a body that is not SiteGPT\'s JSON', body: { kind: 'garbage' } },
  { label: 'clear faults', title: 'Drop every pending fault', body: { clear: true } },
];

function describe(fault: PendingFault): string {
  const what =
    fault.kind === 'status' ? `HTTP ${fault.status}${fault.retryAfter === undefined ? '' : ` (Retry-After ${fault.retryAfter} s)`}`
    : fault.kind === 'delay' ? `slow ${fault.delayMs} ms`
    : fault.kind === 'garbage' ? 'garbage 200'
    : fault.kind.replace('-', ' ');
  return `${what} ×${fault.left}`;
}

export interface FaultPanel {
  /** Re-reads the pending faults (after a web-method call may have used some). */
  refresh(): Promise<void>;
}

export function connectFaultPanel(panel: HTMLElement, onQueued: (body: object) => void): FaultPanel {
  const pending = panel.querySelector<HTMLElement>('[data-faults-pending]')!;
  const show = (list: FaultList) => {
    pending.classList.remove('failed');
    pending.textContent = list.faults.length ? `Pending: ${list.faults.map(describe).join(', ')}` : 'No pending faults.';
  };
  const buttons = PRESETS.map(({ label, title, body }) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = label;
    button.title = title;
    button.addEventListener('click', async () => {
      const response = await fetch('/_sandbox/faults', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const reply = (await response.json()) as FaultList | { error: string };
      if ('error' in reply) {
        pending.classList.add('failed');
        pending.textContent = reply.error;
        return;
      }
      onQueued(body);
      show(reply);
    });
    return button;
  });
  panel.querySelector('[data-fault-buttons]')!.append(...buttons);
  panel.hidden = false;
  return {
    async refresh() {
      try {
        show((await (await fetch('/_sandbox/faults')).json()) as FaultList);
      } catch {
        // The page is going away or the server stopped: the next refresh catches up.
      }
    },
  };
}
