import { SitegptMemberChatElement } from './sitegpt-member-chat.js';

export { SitegptMemberChatElement };
export type { SitegptMemberChatEventMap, WidgetEvent, WidgetEventName } from './events.js';

export const TAG_NAME = 'sitegpt-member-chat';

// Wix can load the script more than once (a Velo file and a Server URL, editor reloads);
// a second define would throw, so the first definition wins.
if (!customElements.get(TAG_NAME)) customElements.define(TAG_NAME, SitegptMemberChatElement);

declare global {
  interface HTMLElementTagNameMap {
    'sitegpt-member-chat': SitegptMemberChatElement;
  }
}
