/**
 * Every port the backend runs on, for the composition (sitegpt.web.ts, the sandbox, tests).
 * Each capability declares its own ports in its folder and imports only those.
 */
import type { ThreadPorts } from './threads/ports.js';

export * from './runtime/ports.js';
export * from './threads/ports.js';

export type Ports = ThreadPorts;
