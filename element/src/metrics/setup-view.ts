/**
 * What `<sitegpt-setup-check>` shows: a summary line, then one row per requirement, the ones to
 * fix first, each with its status in words (never colour alone), what was found, what to do, and
 * its stable ID, by which the install guide's troubleshooting is keyed. All of it text.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { SetupCheck, SetupReport, SetupStatus } from '../../../contract/setup.js';

/** Worst first: what stops the chat, then what should be fixed, then what could not be checked. */
const ORDER: Record<SetupStatus, number> = { fail: 0, warn: 1, unchecked: 2, pass: 3 };

const STATUS: Record<SetupStatus, { mark: string; word: string }> = {
  fail: { mark: '✕', word: 'Fix this' },
  warn: { mark: '!', word: 'Check this' },
  unchecked: { mark: '?', word: 'Not checked' },
  pass: { mark: '✓', word: 'OK' },
};

export function summaryText(report: SetupReport): string {
  const count = (status: SetupStatus) => report.checks.filter((check) => check.status === status).length;
  const fail = count('fail');
  const warn = count('warn');
  const unchecked = count('unchecked');
  if (fail + warn + unchecked === 0) return `Everything is set up: all ${report.checks.length} checks passed.`;
  const parts = [
    fail > 0 ? `${fail} to fix` : '',
    warn > 0 ? `${warn} to look at` : '',
    unchecked > 0 ? `${unchecked} could not be checked` : '',
  ].filter(Boolean);
  return `${parts.join(', ')}; ${count('pass')} of ${report.checks.length} passed.`;
}

export function reportView(report: SetupReport): TemplateResult {
  const checks = report.checks
    .map((check, index) => ({ check, index }))
    .sort((a, b) => ORDER[a.check.status] - ORDER[b.check.status] || a.index - b.index)
    .map(({ check }) => check);
  return html`<ul class="checks" part="checks">
    ${checks.map(checkView)}
  </ul>`;
}

function checkView(check: SetupCheck): TemplateResult {
  const status = STATUS[check.status];
  return html`<li class="check" part="check" data-id=${check.id} data-status=${check.status}>
    <span class="mark" aria-hidden="true">${status.mark}</span>
    <div class="body">
      <p class="title"><strong>${check.title}</strong> <span class="status">${status.word}</span></p>
      <p class="found">${check.found}</p>
      ${check.fix ? html`<p class="fix"><strong>What to do:</strong> ${check.fix}</p>` : nothing}
      <p class="key">Check ID <code>${check.id}</code></p>
    </div>
  </li>`;
}

/** When the report was made, in the reader's own time. */
export function checkedText(report: SetupReport, lang: string): string {
  const when = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'medium' }).format(report.checkedAt);
  return `Checked ${when}, in ${(report.tookMs / 1000).toFixed(1)} s.`;
}

export function errorText(code: string): string {
  if (code === 'NOT_SIGNED_IN') return "Only the site's admins can run the setup check. Sign in as an admin of this site, then open this page again.";
  if (code === 'MISCONFIGURED') {
    return "The setup check itself isn't installed completely: the site's backend has no setup check, or an older one. Copy the kit's backend/sitegpt-admin.web.js into the site again.";
  }
  if (code === 'INVALID_ATTRIBUTE') return "The setup check's answer could not be read. The page code and the element may come from different versions of the kit.";
  return "The setup check couldn't run just now. Try again in a minute.";
}
