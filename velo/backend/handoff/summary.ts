/**
 * The words of a handoff: what the member reads in their chat, the note the site's team gets in
 * Wix Inbox, SiteGPT's escalation prompt and the owner's notification. The note holds the
 * member's last few questions (their own words, to the team that answers them) and why; never a
 * link, an ID, an email or anything the team could not see in the conversation anyway.
 */
import { firstCodePoints } from '../guardrails/text.js';

/** The system turn's answer: plain words, no promise of a time. */
export const HANDOFF_ANSWER = "We've passed your conversation to our team. A person will reply here.";

export type HandoffReason = 'low-confidence' | 'requested';

/** Questions in the note, and how much of each. */
const NOTE_QUESTIONS = 3;
const NOTE_QUESTION_CHARS = 300;

export function whyInWords(reason: HandoffReason, poorAnswers: number): string {
  return reason === 'requested'
    ? 'they asked for a person.'
    : `they asked for a person after ${poorAnswers} answers in a row the assistant could not give well.`;
}

/** The note to the site's team in Wix Inbox. `questions` oldest first. */
export function inboxSummary(reason: HandoffReason, poorAnswers: number, questions: readonly string[]): string {
  const last = questions.slice(-NOTE_QUESTIONS).map((q) => `- ${firstCodePoints(q.replace(/\s+/g, ' ').trim(), NOTE_QUESTION_CHARS)}`);
  return [
    'A member wants to talk to a person (site chat assistant).',
    `Why: ${whyInWords(reason, poorAnswers)}`,
    ...(last.length > 0 ? ['Their last questions:', ...last] : []),
    'Reply in this conversation: your reply appears in their chat on the site.',
  ].join('\n');
}

/** SiteGPT's escalation prompt: why, no member text (SiteGPT's agents see the thread itself). */
export function escalationPrompt(reason: HandoffReason, poorAnswers: number): string {
  return `Handed over by the site's member chat: ${whyInWords(reason, poorAnswers)}`;
}

/** The owner's notification when Wix Inbox is not a target: content-free, ≤ 512 characters. */
export const OWNER_NOTE = "A member asked for a person in the site's chat. Their conversation is in SiteGPT's inbox.";
