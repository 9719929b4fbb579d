/**
 * SiteGPT's answers, cleaned before they are stored or shown: the same invisible and control
 * characters as a question loses (a model can echo them), cut at `maxChars` with a visible
 * marker, and only sources that are http(s) URLs of sane length, at most `maxSources`. The
 * element renders answers through its own safe markdown subset; this keeps the stored text
 * plain and bounded.
 */
import type { ChatConfig } from '../config.js';
import { codePoints, firstCodePoints, stripInvisible } from './text.js';

/** Ends an answer that was cut, so nobody mistakes it for the whole. */
export const TRUNCATION_MARKER = '\n\n[…]';

export function cleanAnswer(text: string, limits: Pick<ChatConfig, 'maxAnswerChars'>): string {
  const clean = stripInvisible(text).trim();
  if (codePoints(clean) <= limits.maxAnswerChars) return clean;
  const room = limits.maxAnswerChars - codePoints(TRUNCATION_MARKER);
  return firstCodePoints(clean, room).trimEnd() + TRUNCATION_MARKER;
}

export function cleanSources(sources: readonly string[], limits: Pick<ChatConfig, 'maxSources' | 'maxSourceChars'>): string[] {
  const kept: string[] = [];
  for (const source of sources) {
    const url = safeUrl(source.trim(), limits.maxSourceChars);
    if (url !== null && !kept.includes(url)) kept.push(url);
    if (kept.length === limits.maxSources) break;
  }
  return kept;
}

/** The URL as the WHATWG parser writes it (no spaces, no controls), or null. */
function safeUrl(text: string, maxChars: number): string | null {
  if (text.length > maxChars) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  // Credentials in a link are a phishing trick, never a source.
  if (url.username || url.password) return null;
  const href = url.href;
  return href.length <= maxChars ? href : null;
}
