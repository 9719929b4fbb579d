// Entry of the metrics element's own file (dist/sitegpt-chat-metrics.js), apart from the member
// element's, so the chat a member loads never carries the admin page's code. Like that one it
// exports nothing and the build wraps it in a function: it runs as an ES module or a classic
// script, and a second load redefines nothing.
// The same file also defines <sitegpt-setup-check>, the admins' setup check: one Server URL
// for both admin elements, whichever tag a Custom Element names.
import { SitegptChatMetricsElement } from './sitegpt-chat-metrics.js';
import { SitegptSetupCheckElement } from './sitegpt-setup-check.js';

const TAG_NAME = 'sitegpt-chat-metrics';
const SETUP_TAG_NAME = 'sitegpt-setup-check';

if (!customElements.get(TAG_NAME)) customElements.define(TAG_NAME, SitegptChatMetricsElement);
if (!customElements.get(SETUP_TAG_NAME)) customElements.define(SETUP_TAG_NAME, SitegptSetupCheckElement);

declare global {
  interface HTMLElementTagNameMap {
    'sitegpt-chat-metrics': SitegptChatMetricsElement;
    'sitegpt-setup-check': SitegptSetupCheckElement;
  }
}
