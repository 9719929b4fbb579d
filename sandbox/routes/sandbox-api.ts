/**
 * The sandbox's own endpoints for the page and for developers:
 *   GET  /_sandbox/config   what the page needs (mode, chatbot ID, widget path, the bar's members, starters,
 *                           the OpenAI-compatible endpoint the provider switch points at)
 *   GET  /_sandbox/state    the stored rows (threads and turns) and the stand-in's threads
 *   GET  /_sandbox/faults   stand-in only: the pending SiteGPT faults
 *   POST /_sandbox/faults   stand-in only: queue one (see fault-request.ts) or clear them
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { FaultQueueFullError } from '../fault-queue.js';
import { parseFaultRequest } from '../fault-request.js';
import { json, parseJson, readBody } from '../http-io.js';
import { SANDBOX_MEMBERS } from '../session.js';
import type { OpenAiStandin } from '../openai-standin.js';
import type { Standin } from '../standin.js';
import type { SqliteThreadStore } from '../thread-store.js';
import type { SqliteTranscriptStore } from '../transcript-store.js';

export interface SandboxApiDeps {
  chatbotId: string;
  threads: SqliteThreadStore;
  transcript: SqliteTranscriptStore;
  /** Absent with the real SiteGPT: then there is no fault switch. */
  standin?: Standin;
  /** The OpenAI-compatible provider's endpoint: the stand-in, or the real one with OPENAI_API_KEY. */
  openai?: Pick<OpenAiStandin, 'baseUrl' | 'real'>;
}

/** Native mode's suggested first questions on an empty thread (the element's `starters`). */
const STARTERS = ['How do I change my delivery address?', 'What are your opening hours?', 'Can I return an item?'];

export function sandboxApi({ chatbotId, threads, transcript, standin, openai }: SandboxApiDeps) {
  const faultList = (faults: Standin['faults']) => ({ pending: faults.pending, faults: faults.list() });

  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
    const path = url.pathname;
    if (path === '/_sandbox/config' && req.method === 'GET') {
      json(res, 200, {
        mode: standin ? 'standin' : 'sitegpt',
        chatbotId,
        widgetPath: standin ? '/sitegpt/c/{chatbotId}?tid={thread}' : null,
        members: SANDBOX_MEMBERS.map(({ id, name }) => ({ id, name })),
        starters: STARTERS,
        // What the provider switch sets as `openaiBaseUrl`: the in-process stand-in unless OPENAI_API_KEY is set.
        openai: openai ? { baseUrl: openai.baseUrl, real: openai.real } : null,
      });
      return true;
    }
    if (path === '/_sandbox/state' && req.method === 'GET') {
      json(res, 200, {
        rows: threads.all(),
        turns: transcript.all(),
        standinThreads: standin?.store.all().map((t) => ({ threadId: t.threadId, messages: t.messages.length })),
      });
      return true;
    }
    if (path !== '/_sandbox/faults' || !standin) return false;
    if (req.method === 'GET') {
      json(res, 200, faultList(standin.faults));
      return true;
    }
    if (req.method !== 'POST') return false;
    // No content type is required: the README's console one-liner sends a bare string body.
    const body = await readBody(req, res, 4 * 1024);
    if (body === 'too-large') return refuse(res, 413, 'a fault body is at most 4 KiB');
    const parsed = parseJson(body);
    const fault = parseFaultRequest(parsed.ok ? parsed.value : undefined);
    if (!fault.ok) return refuse(res, 400, parsed.ok ? fault.error : `the body is not JSON; ${fault.error}`);
    if ('clear' in fault.request) standin.faults.clear();
    else {
      try {
        standin.faults.next(fault.request.fault, fault.request.times);
      } catch (error) {
        if (error instanceof FaultQueueFullError) return refuse(res, 409, error.message);
        throw error;
      }
    }
    json(res, 200, faultList(standin.faults));
    return true;
  };
}

function refuse(res: ServerResponse, status: number, error: string): true {
  json(res, status, { error });
  return true;
}
