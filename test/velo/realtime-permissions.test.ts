// Who may subscribe to native mode's notices (backend/realtime-permissions.js): a signed-in
// member, to the resource that is their own member ID on the kit's channel, and nobody else.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { REALTIME_CHANNEL, SERVICE_CHANNEL as CONTRACT_SERVICE_CHANNEL } from '../../contract/index.js';
import { CHANNEL, realtime_check_permission, SERVICE_CHANNEL } from '../../velo/backend/realtime-permissions.js';

const ada = { id: 'member-ada', type: 'Member' };
const channel = (resourceId?: unknown, name: unknown = 'sitegpt-member-chat') => ({ name, resourceId });

describe('realtime_check_permission', () => {
  it('names the channel the contract publishes on', () => assert.equal(CHANNEL, REALTIME_CHANNEL));

  const table: Array<[string, unknown, unknown, boolean]> = [
    ['a member, their own resource', channel('member-ada'), ada, true],
    ["a member, another member's resource", channel('member-bob'), ada, false],
    ['a member, the whole channel (no resource)', channel(undefined), ada, false],
    ['a member, an empty resource', channel(''), ada, false],
    ['a member, another channel with their ID as resource', channel('member-ada', 'other-channel'), ada, false],
    ['a member, a channel name that only starts the same', channel('member-ada', 'sitegpt-member-chat-2'), ada, false],
    ['a visitor claiming the ID', channel('member-ada'), { id: 'member-ada', type: 'Anonymous' }, false],
    ['the site admin', channel('member-ada'), { id: 'member-ada', type: 'Admin' }, false],
    ['a member without an ID', channel('member-ada'), { type: 'Member' }, false],
    ['a resource that is not text', channel({ toString: () => 'member-ada' }), ada, false],
    ['no subscriber', channel('member-ada'), undefined, false],
    ['no channel', undefined, ada, false],
    ['null for both', null, null, false],
  ];
  for (const [name, ch, subscriber, read] of table) {
    it(`${read ? 'admits' : 'refuses'} ${name}`, () => {
      assert.deepEqual(realtime_check_permission(ch as never, subscriber as never), { read });
    });
  }
});

describe('realtime_check_permission: the site-wide service channel', () => {
  it('names the service channel the contract publishes on', () => assert.equal(SERVICE_CHANNEL, CONTRACT_SERVICE_CHANNEL));

  const service = (resourceId?: unknown) => ({ name: 'sitegpt-chat-service', resourceId });
  const table: Array<[string, unknown, unknown, boolean]> = [
    ['any member, the whole channel', service(), ada, true],
    ['another member, the whole channel', service(), { id: 'member-bob', type: 'Member' }, true],
    ['a member, a resource on it (never published to)', service('member-ada'), ada, false],
    ['a visitor', service(), { id: 'visitor-1', type: 'Anonymous' }, false],
    ['a member without an ID', service(), { type: 'Member' }, false],
    ['no subscriber', service(), undefined, false],
  ];
  for (const [name, ch, subscriber, read] of table) {
    it(`${read ? 'admits' : 'refuses'} ${name}`, () => {
      assert.deepEqual(realtime_check_permission(ch as never, subscriber as never), { read });
    });
  }
});
