// The operator's settings, field by field (velo/backend/guardrails/settings-schema.ts): what a
// site owner may type into the CMS, and what falls back to the default instead.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_SETTINGS, readSettings } from '../../velo/backend/guardrails/settings-schema.js';

describe('settings schema: contactUrl', () => {
  const accepted = ['/contact', '/help/team?x=1', 'https://example.com/help', 'mailto:team@example.com'];
  const refused = ['//evil.example', '//evil.example/contact', '/\\evil.example', 'javascript:alert(1)', 'http://example.com', 'data:text/html,x', 'contact us', 'mailto:nobody'];
  for (const value of accepted) {
    it(`accepts ${value}`, () => {
      const { settings, problems } = readSettings({ contactUrl: value });
      assert.equal(settings.contactUrl, value);
      assert.deepEqual(problems, []);
    });
  }
  for (const value of refused) {
    it(`refuses ${value} (another site, a script or not a path) and keeps the default`, () => {
      const { settings, problems } = readSettings({ contactUrl: value });
      assert.equal(settings.contactUrl, DEFAULT_SETTINGS.contactUrl);
      assert.deepEqual(problems.map((p) => p.field), ['contactUrl']);
    });
  }
});

describe('settings schema: one bad field never costs the others', () => {
  it('keeps the good fields and names only the bad ones, never their values', () => {
    const { settings, problems } = readSettings({ mode: 'fallback', limitPerMinute: '20', breakerFailures: -3, staticReplies: 'not json' });
    assert.equal(settings.mode, 'fallback');
    assert.equal(settings.limitPerMinute, 20);
    assert.equal(settings.breakerFailures, DEFAULT_SETTINGS.breakerFailures);
    assert.deepEqual(settings.staticReplies, []);
    assert.deepEqual(problems.map((p) => p.field).sort(), ['breakerFailures', 'staticReplies']);
    assert.ok(!JSON.stringify(problems).includes('not json'));
  });
});
