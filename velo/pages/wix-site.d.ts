/**
 * What page code sees on a Wix site and TypeScript cannot find by itself: the `$w` global,
 * and the site's own modules under the paths Wix gives them (`backend/…`, `public/…`), typed
 * from their sources here. The Wix build keeps those imports as they are (vite.wix.config.ts).
 */
declare function $w(selector: `#${string}`): import('../public/sitegpt-member-chat.js').MemberChatElement;
declare namespace $w {
  function onReady(handler: () => void | Promise<void>): void;
}

declare module 'backend/sitegpt.web' {
  type Web = typeof import('../backend/sitegpt.web.js');
  export const getMemberChat: Web['getMemberChat'];
  export const startNewConversation: Web['startNewConversation'];
  export const forgetMyChat: Web['forgetMyChat'];
  export const sendChatMessage: Web['sendChatMessage'];
  export const getChatMessages: Web['getChatMessages'];
  export const rateAnswer: Web['rateAnswer'];
  export const requestHuman: Web['requestHuman'];
}

declare module 'public/sitegpt-member-chat.js' {
  export const connectMemberChat: typeof import('../public/sitegpt-member-chat.js').connectMemberChat;
}
