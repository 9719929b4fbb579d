/**
 * The admin page's site modules, as page code imports them on Wix (`backend/…`, `public/…`),
 * typed from their sources (see wix-site.d.ts for the member page's).
 */
declare module 'backend/sitegpt-admin.web' {
  export const getChatMetrics: typeof import('../backend/sitegpt-admin.web.js').getChatMetrics;
  export const checkSetup: typeof import('../backend/sitegpt-admin.web.js').checkSetup;
}

declare module 'public/chat-metrics.js' {
  export const connectChatMetrics: typeof import('../public/chat-metrics.js').connectChatMetrics;
  export const connectSetupCheck: typeof import('../public/chat-metrics.js').connectSetupCheck;
}
