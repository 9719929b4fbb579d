/**
 * Velo's own modules a Wix backend can import, which are not on npm: typed here as far as the
 * kit uses them (https://dev.wix.com/docs/velo/apis/wix-crm-backend/notifications/notify).
 */
declare module 'wix-crm-backend' {
  export const notifications: {
    notify(body: string, channels: string[], options?: { recipients?: { role?: 'Owner' | 'All_Contributors' } }): Promise<void>;
  };
}
