import { html, nothing, type TemplateResult } from 'lit';
import type { Reaction, Turn } from '../../../contract/turns.js';
import { errorLabel, type Labels } from '../labels.js';
import { httpsUrl, link, markdown } from './markdown.js';
import type { PaneController } from './pane-controller.js';
import type { ShownTurn } from './pane-turns.js';

// A thumb drawn for this project; thumbs down is the same one turned over (see the styles).
const THUMB = html`<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M2 10h4v11H2zm6 11h9.5l3.5-8v-3h-7l1-5-2-2-5 6z" /></svg>`;

/** Answers are parsed once per stored copy, not on every render of the log. */
const rendered = new WeakMap<Turn, TemplateResult>();

/** A short local time (with the date when it is not today), machine-readable in `datetime`. */
function time(ms: number, lang: string | undefined): TemplateResult | typeof nothing {
  const date = new Date(ms);
  if (isNaN(+date)) return nothing;
  const style: Intl.DateTimeFormatOptions = { timeStyle: 'short' };
  if (date.toDateString() !== new Date().toDateString()) style.dateStyle = 'short';
  let text: string;
  try {
    text = date.toLocaleString(lang, style);
  } catch {
    text = date.toLocaleString(undefined, style); // a page `lang` the browser does not know
  }
  return html`<time datetime=${date.toISOString()}>${text}</time>`;
}

function vote(pane: PaneController, turn: ShownTurn, reaction: Reaction, label: string): TemplateResult {
  return html`<button
    type="button"
    part="button vote-button"
    class=${reaction}
    aria-pressed=${turn.reaction === reaction}
    aria-label=${label}
    title=${label}
    @click=${() => pane.react(turn.id, reaction)}
  >
    ${THUMB}
  </button>`;
}

function failure(pane: PaneController, turn: ShownTurn, t: Labels): TemplateResult {
  const wait = Math.ceil(((turn.until ?? 0) - Date.now()) / 1000);
  return html`<p part="send-error" class="failed">${t['not-sent']} ${t[errorLabel(turn.error ?? 'INTERNAL')]}</p>
    <button type="button" part="button retry-send-button" ?disabled=${wait > 0} @click=${() => pane.retry(turn.id)}>
      ${wait > 0 ? t['retry-in'].replace('{s}', `${wait}`) : t.retry}
    </button>`;
}

/**
 * One turn: the member's question (with *Retry* when its send failed, *Sent* when it went to a
 * person) and the answer, with its sources by hostname and thumbs on AI answers. Who answered
 * comes only from `kind`.
 */
export function turnView(pane: PaneController, stored: Turn, t: Labels, lang?: string): TemplateResult {
  const turn = pane.turns.shown(stored);
  const { question, answer, status, kind } = turn;
  // Handed off, a question goes to a person, whose reply comes as a turn of its own: it was delivered.
  const forwarded = kind === 'agent' && answer === null && status === 'answered';
  const sources = turn.sources.map(httpsUrl).filter((url) => url !== undefined);
  let body = answer === null ? undefined : rendered.get(stored);
  if (answer !== null && !body) rendered.set(stored, (body = markdown(answer)));
  return html`<div part="turn" class="turn" data-id=${turn.id} data-status=${status}>
    ${question === null
      ? nothing
      : html`<div part="question" class="msg me">
          <p class="meta">${t.you} ${time(turn.askedAt, lang)}${forwarded ? html`<span>${t.sent}</span>` : nothing}</p>
          <p class="text">${question}</p>
          ${status === 'failed' ? failure(pane, turn, t) : nothing}
        </div>`}
    ${body
      ? html`<div part="answer" class="msg" data-kind=${kind}>
          <p class="meta">${kind === 'ai' ? t.assistant : t[kind]} ${time(turn.answeredAt ?? turn.askedAt, lang)}</p>
          ${body}
          ${sources.length
            ? html`<p part="sources" class="sources">${t.sources}: ${sources.map((url) => link(url, url.hostname))}</p>`
            : nothing}
          ${kind === 'ai' && status === 'answered'
            ? html`<p class="votes">${vote(pane, turn, 'POSITIVE', t.helpful)}${vote(pane, turn, 'NEGATIVE', t['not-helpful'])}</p>`
            : nothing}
        </div>`
      : nothing}
  </div>`;
}
