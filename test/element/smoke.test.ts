import { expect } from '@open-wc/testing';
it('runs in Chromium', () => {
  expect(navigator.userAgent).to.contain('Chrome');
});
