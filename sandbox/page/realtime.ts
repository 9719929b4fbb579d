/**
 * The page's side of the sandbox's realtime stand-in: `subscribe` as masterPage.ts builds it
 * from `@wix/site-realtime` on a site, here over an EventSource on `/_realtime` (the server
 * admits only the session's own member, and any signed-in member to the site-wide service
 * channel). It resolves once the stream is open and rejects when the server refuses it, so page
 * code falls back to polling as it would on Wix. `onState` gets the resource (the member), or
 * undefined for the service channel.
 */
import type { Subscribe } from '../../velo/public/sitegpt-member-chat.js';

export type RealtimeState = 'connecting' | 'open' | 'reconnecting' | 'refused' | 'closed';

export function eventSourceSubscribe(onState: (state: RealtimeState, resourceId: string | undefined) => void): Subscribe {
  return (channel, onNotice) =>
    new Promise((resolve, reject) => {
      const query = channel.resourceId === undefined ? `channel=${encodeURIComponent(channel.name)}` : `resource=${encodeURIComponent(channel.resourceId)}`;
      const source = new EventSource(`/_realtime?${query}`);
      let opened = false;
      onState('connecting', channel.resourceId);
      source.onopen = () => {
        onState('open', channel.resourceId);
        if (opened) return;
        opened = true;
        resolve(() => {
          source.close();
          onState('closed', channel.resourceId);
        });
      };
      source.onmessage = (event: MessageEvent<string>) => {
        try {
          onNotice(JSON.parse(event.data));
        } catch {
          // Not a notice: the stand-in only sends JSON, so this is a stray line.
        }
      };
      source.onerror = () => {
        if (!opened) {
          source.close();
          onState('refused', channel.resourceId);
          reject(new Error('the realtime stream was refused'));
        } else if (source.readyState === EventSource.CONNECTING) {
          onState('reconnecting', channel.resourceId); // EventSource retries by itself
        } else {
          onState('closed', channel.resourceId);
        }
      };
    });
}
