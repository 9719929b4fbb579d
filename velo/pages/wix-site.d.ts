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
  export const getMemberChat: typeof import('../backend/sitegpt.web.js').getMemberChat;
  export const startNewConversation: typeof import('../backend/sitegpt.web.js').startNewConversation;
  export const forgetMyChat: typeof import('../backend/sitegpt.web.js').forgetMyChat;
}

declare module 'public/sitegpt-member-chat.js' {
  export const connectMemberChat: typeof import('../public/sitegpt-member-chat.js').connectMemberChat;
}
