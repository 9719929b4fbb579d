import { html, type TemplateResult } from 'lit';

/** What an answer may show at most; the rest is cut with an ellipsis. */
export const ANSWER_CHARS = 16_000;

const FENCE = /^\s*```/;
const ITEM = /^\s*(?:[-*]|(\d{1,9})[.)])\s+/;
// Code, strong, emphasis (* or _, not inside words) and links; `!` before a link is an image,
// shown as text. Spans are bounded, so no line of a long answer can make the search quadratic.
const INLINE =
  /`([^`\n]{1,2000})`|\*\*(\S.{0,500}?)\*\*|(?<![\w*])\*(\S.{0,500}?)\*(?![\w*])|(?<!\w)_(\S.{0,500}?)_(?!\w)|(!?)\[([^\]\n]{1,500})\]\(([^)\s]{1,2048})\)/g;

/** An https URL without credentials, or nothing: the only links the pane makes. */
export function httpsUrl(href: string): URL | undefined {
  try {
    const url = new URL(href);
    if (url.protocol === 'https:' && !url.username && !url.password) return url;
  } catch {
    // Not a URL: shown as text.
  }
}

export const link = (url: URL, content: unknown): TemplateResult =>
  html`<a href=${url.href} target="_blank" rel="noopener noreferrer nofollow">${content}</a>`;

/** Inline markdown as Lit values: every piece of text stays text, whatever it contains. */
function inline(text: string, depth = 0): unknown[] {
  if (depth > 3) return [text];
  const out: unknown[] = [];
  let at = 0;
  for (const match of text.matchAll(INLINE)) {
    const [all, code, strong, star, under, bang, label, href] = match;
    const em = star ?? under;
    const url = !bang && href ? httpsUrl(href) : undefined;
    out.push(
      text.slice(at, match.index),
      code !== undefined
        ? html`<code>${code}</code>`
        : strong !== undefined
          ? html`<strong>${inline(strong, depth + 1)}</strong>`
          : em !== undefined
            ? html`<em>${inline(em, depth + 1)}</em>`
            : url
              ? link(url, inline(label, depth + 1))
              : all
    );
    at = match.index + all.length;
  }
  out.push(text.slice(at));
  return out;
}

/**
 * The safe markdown subset of answers (architecture.md §8.6): paragraphs, emphasis, lists,
 * inline code, fenced code blocks and https links, built from Lit templates only, so nothing
 * in an answer ever becomes markup. Anything else (raw HTML, images, other links) is text.
 */
export function markdown(answer: string): TemplateResult {
  const text = answer.length > ANSWER_CHARS ? `${answer.slice(0, ANSWER_CHARS)}…` : answer;
  const lines = text.split(/\r?\n/);
  const blocks: TemplateResult[] = [];
  for (let i = 0; i < lines.length; ) {
    const line = lines[i];
    const item = ITEM.exec(line);
    if (FENCE.test(line)) {
      const start = ++i;
      while (i < lines.length && !FENCE.test(lines[i])) i++;
      blocks.push(html`<pre><code>${lines.slice(start, i++).join('\n')}</code></pre>`);
    } else if (item) {
      const ordered = item[1] !== undefined;
      const items: TemplateResult[] = [];
      for (let next: RegExpExecArray | null = item; next && (next[1] !== undefined) === ordered; next = ITEM.exec(lines[++i] ?? '')) {
        items.push(html`<li>${inline(lines[i].slice(next[0].length))}</li>`);
      }
      blocks.push(ordered ? html`<ol start=${item[1]}>${items}</ol>` : html`<ul>${items}</ul>`);
    } else if (line.trim()) {
      const start = i;
      while (++i < lines.length && lines[i].trim() && !FENCE.test(lines[i]) && !ITEM.test(lines[i]));
      blocks.push(html`<p>${inline(lines.slice(start, i).join('\n'))}</p>`);
    } else i++;
  }
  return html`<div part="markdown" class="md">${blocks}</div>`;
}
