/**
 * SiteGPT as the completion provider: the member's question is posted to their thread (v0
 * send-message, `from: USER`, never retried). SiteGPT keeps the thread, the prompt and the
 * history on its side, so nothing else is sent: no typed context, no earlier turns.
 */
import type { SitegptChatPort } from '../../chat/ports.js';
import type { CompletionProvider } from '../completion.js';

export function sitegptCompletion(sitegpt: SitegptChatPort): CompletionProvider {
  return {
    name: 'sitegpt',
    keepsThread: true,
    answer: ({ site, threadId, question }, deadline) =>
      sitegpt.sendMessage({ apiKey: site.apiKey, chatbotId: site.chatbotId, threadId, message: question }, deadline),
  };
}
