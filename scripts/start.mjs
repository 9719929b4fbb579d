// `npm start`: the local sandbox (sandbox/server.ts). The sandbox is
// TypeScript, run through tsx's loader in this same process, so Ctrl-C reaches it directly.
import { register } from 'tsx/esm/api';

register();
await import('../sandbox/main.ts');
