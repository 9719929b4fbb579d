import { html, nothing, type TemplateResult } from 'lit';
import { errorLabel, type Labels } from '../labels.js';
import { handoffNote, handoffOffer, type HandoffView } from './handoff.js';
import { MAX_CHARS, type PaneController } from './pane-controller.js';
import { turnView } from './turn-view.js';

function composer(pane: PaneController, t: Labels): TemplateResult {
  return html`<form part="composer" class="composer" @submit=${pane.submit}>
    <textarea
      part="input"
      rows="1"
      maxlength=${MAX_CHARS}
      aria-label=${t.message}
      placeholder=${t.message}
      @keydown=${pane.key}
      @input=${pane.typed}
    ></textarea>
    ${pane.draft > MAX_CHARS - 200 ? html`<span part="counter" class="counter">${pane.draft}/${MAX_CHARS}</span>` : nothing}
    <button part="button send-button">${t.send}</button>
  </form>`;
}

/**
 * Native mode's pane: the history as a log (not live: a separate region announces each new
 * answer once), earlier pages on request, starters on an empty thread, the typing indicator,
 * *Jump to latest* and the composer; above them, while the site answers with static replies
 * (`service` mode `fallback`), a line that says so. The handoff: its offer under the last answer,
 * and once handed off a banner instead of the typing indicator (nobody is writing an AI answer).
 */
export function paneView(pane: PaneController, t: Labels, starters: string[], handoff: HandoffView, lang?: string, automatic?: boolean): TemplateResult {
  const { list, older, loadingOlder, pending } = pane.turns;
  return html`<div part="pane" class="pane">
    ${automatic ? html`<p part="service-note" class="note">${t['automatic-answers']}</p>` : nothing}
    ${handoffNote(handoff, t)}
    <div part="log" class="log" role="log" aria-live="off" aria-label=${t.conversation} tabindex="0" @scroll=${pane.scrolled}>
      <div class="top"></div>
      ${older === null
        ? nothing
        : loadingOlder
          ? html`<p class="older">${t['loading-earlier']}</p>`
          : html`<p class="older"><button type="button" part="button older-button" @click=${pane.older}>${t['show-earlier']}</button></p>`}
      ${list.length
        ? list.map((turn) => turnView(pane, turn, t, lang))
        : html`<div class="empty">
            <p>${t.empty}</p>
            ${starters.map(
              (text) => html`<button type="button" part="button starter-button" @click=${() => pane.send(text)}>${text}</button>`
            )}
          </div>`}
      ${handoffOffer(handoff, t)}
      ${pending && handoff.state !== 'active'
        ? html`<p part="typing" class="typing"><span aria-hidden="true"><i></i><i></i><i></i></span>${t.typing}</p>`
        : nothing}
    </div>
    ${pane.stuck
      ? nothing
      : html`<button type="button" part="button jump-button" class="jump" @click=${pane.jump}>${t['jump-to-latest']}</button>`}
    ${composer(pane, t)}
  </div>`;
}

/**
 * What the live region says for the newest complete answer (or failed send), once. The two
 * templates alternate, so news that reads like the previous one replaces the region's text
 * and is announced too.
 */
export function paneAnnouncement(pane: PaneController, t: Labels): TemplateResult | undefined {
  const { said, saidCount } = pane.turns;
  if (!said) return;
  const { kind, error, status } = said;
  const text =
    status === 'failed'
      ? `${t['not-sent']} ${t[errorLabel(error ?? 'INTERNAL')]}`
      : `${kind === 'ai' ? t.assistant : t[kind]}: ${said.answer!.slice(0, 1000)}`;
  return saidCount % 2 ? html`<span>${text}</span>` : html`<span>${text} </span>`;
}
