/**
 * Static replies (architecture.md §9): what the kit answers without a completion provider,
 * when the operator set `mode: fallback`, the breaker is open, the budget is spent or SiteGPT's
 * message quota is used up. The operator's `staticReplies` rules are matched on the normalised
 * question: case-folded, punctuation and symbols as spaces, whole words (a keyword of several
 * words matches those words in a row). The first rule with a matching keyword wins; otherwise
 * `defaultReply` with `{contact}`. Text only: the pane renders it like any answer, never as markup.
 */
import { withContact } from './service.js';
import type { Settings } from './settings-schema.js';

/** The words of a text as the matcher compares them. */
export function words(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .split(/\s+/u)
    .filter((word) => word !== '');
}

export function staticReply(question: string, settings: Pick<Settings, 'staticReplies' | 'defaultReply' | 'contactUrl'>): string {
  const asked = ` ${words(question).join(' ')} `;
  for (const rule of settings.staticReplies) {
    const hit = rule.keywords.some((keyword) => {
      const wanted = words(keyword).join(' ');
      return wanted !== '' && asked.includes(` ${wanted} `);
    });
    if (hit) return withContact(rule.reply, settings);
  }
  return withContact(settings.defaultReply, settings);
}
