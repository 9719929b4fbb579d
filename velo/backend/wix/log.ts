/** Wix Logs collects console output of backend code; one JSON object per line is searchable there. */
import type { LogPort } from '../ports.js';

export function consoleLog(): LogPort {
  return {
    write: (line) => console.log(JSON.stringify({ source: 'sitegpt-member-chat', ...line })),
    event: (line) => console.log(JSON.stringify({ source: 'sitegpt-member-chat', ...line })),
  };
}
