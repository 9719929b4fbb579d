/**
 * `npm start`: the sandbox server until Ctrl-C. PORT (default 8787), SANDBOX_DIR (default
 * .sandbox), SITEGPT_API_KEY + SITEGPT_CHATBOT_ID for the real SiteGPT, SITEGPT_THREAD_SECRET
 * and SANDBOX_SESSION_SECRET optional; OPENAI_API_KEY (and OPENAI_BASE_URL) for a real
 * OpenAI-compatible endpoint when the panel's provider switch says so.
 */
import { startSandbox } from './server.js';

const sandbox = await startSandbox();
console.log(`\nSiteGPT member chat sandbox: ${sandbox.url}`);
console.log(
  sandbox.mode === 'standin'
    ? `SiteGPT: local stand-in, chatbot ${sandbox.chatbotId} (set SITEGPT_API_KEY and SITEGPT_CHATBOT_ID for the real API).`
    : `SiteGPT: the real API, chatbot ${sandbox.chatbotId}.`,
);
console.log(
  sandbox.openai.real
    ? `OpenAI-compatible provider (panel's provider switch): ${sandbox.openai.baseUrl}.`
    : 'OpenAI-compatible provider (panel\'s provider switch): local stand-in (set OPENAI_API_KEY, and OPENAI_BASE_URL, for a real endpoint).',
);
console.log(`Data: ${sandbox.threads.file} (threads), ${sandbox.transcript.file} (turns). Ctrl-C stops.`);
console.log(`Native mode: ${sandbox.url}?mode=native\n`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1);
    stopping = true;
    console.log('\nStopping the sandbox…');
    sandbox.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
