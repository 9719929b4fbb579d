/**
 * Velo's own modules a Wix backend can import, which are not on npm: typed here as far as the
 * kit uses them (https://dev.wix.com/docs/velo/apis/wix-crm-backend/notifications/notify).
 */
declare module 'wix-crm-backend' {
  export const notifications: {
    notify(body: string, channels: string[], options?: { recipients?: { role?: 'Owner' | 'All_Contributors' } }): Promise<void>;
  };
}

/**
 * The site's own backend/realtime-permissions.js, which checkSetup loads (sitegpt-admin.web.ts)
 * to run its rule with test subscribers. Typed loosely on purpose: it is the site's file, which
 * may hold the owner's own rules too, and the check reads it defensively.
 */
declare module 'backend/realtime-permissions' {
  export const realtime_check_permission: unknown;
}
