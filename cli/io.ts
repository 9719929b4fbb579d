/** How the command talks to the person running it; tests pass their own. */
import { createInterface } from 'node:readline/promises';

export interface Io {
  /** Prints lines for the person (stdout). */
  print(text: string): void;
  /** Prints a problem (stderr). */
  error(text: string): void;
  /** Whether a person can answer a question: both stdin and stdout are terminals. */
  interactive: boolean;
  /** Asks one question; resolves with the answer as typed (empty when input ends). */
  ask(question: string): Promise<string>;
}

export function processIo(): Io {
  // Output piped into a pager or `head` that quits early: go on installing, print no more.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  return {
    print: (text) => void process.stdout.write(`${text}\n`),
    error: (text) => void process.stderr.write(`${text}\n`),
    interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
    async ask(question) {
      const rl = createInterface({ input: process.stdin, output: process.stdout });
      try {
        return await rl.question(question);
      } finally {
        rl.close();
      }
    },
  };
}
