// Entry of the metrics element's own file (dist/sitegpt-chat-metrics.js), apart from the member
// element's, so the chat a member loads never carries the admin page's code. Like that one it
// exports nothing and the build wraps it in a function: it runs as an ES module or a classic
// script, and a second load redefines nothing.
import { SitegptChatMetricsElement } from './sitegpt-chat-metrics.js';

const TAG_NAME = 'sitegpt-chat-metrics';

if (!customElements.get(TAG_NAME)) customElements.define(TAG_NAME, SitegptChatMetricsElement);

declare global {
  interface HTMLElementTagNameMap {
    'sitegpt-chat-metrics': SitegptChatMetricsElement;
  }
}
