// Issue 8, item 6: a URL template is checked with the values it is really expanded with, and a
// mount that fails anyway ends in the error view, never in a `loading` that lasts forever.
import { expect } from '@open-wc/testing';
import { THREAD_A, button, chat, frame, oneEvent, set, untilState } from './helpers.js';

describe('<sitegpt-member-chat> URL templates expanded with the real values', () => {
  it('frame: a widget-url that is only valid with sample values gives INVALID_ATTRIBUTE', async () => {
    // With a sample chatbot ID of 1 this is http://127.0.0.1:8080/c; with the real one it is no URL.
    const el = await chat({ 'widget-url': 'http://127.0.0.{chatbotId}:8080/c', 'member-id': 'member-a' });
    const failed = oneEvent(el, 'sitegpt-error');
    set(el, { thread: THREAD_A });
    expect((await failed).detail).to.deep.include({ code: 'INVALID_ATTRIBUTE', attribute: 'widget-url' });
    expect(el.state).to.equal('error');
    expect(frame(el)).to.equal(null);
  });

  it('script: the same for loader-url', async () => {
    const el = await chat({ 'widget-strategy': 'script', 'loader-url': 'http://127.0.0.{chatbotId}:8080/loader.js', 'member-id': 'member-a' });
    const failed = oneEvent(el, 'sitegpt-error');
    set(el, { thread: THREAD_A });
    expect((await failed).detail).to.deep.include({ code: 'INVALID_ATTRIBUTE', attribute: 'loader-url' });
    expect(el.state).to.equal('error');
    expect(el.shadowRoot!.querySelectorAll('iframe').length).to.equal(0);
  });

  it('a mount that throws ends in the error view with sitegpt-error, and retry mounts again', async () => {
    const el = await chat({ 'member-id': 'member-a' });
    const create = Document.prototype.createElement;
    // The browser refusing to make the widget's iframe: nothing a check could have foreseen.
    Document.prototype.createElement = function (this: Document, name: string, options?: ElementCreationOptions) {
      if (name.toLowerCase() === 'iframe') throw new Error('no frames today');
      return create.call(this, name, options);
    } as typeof create;
    try {
      const failed = oneEvent(el, 'sitegpt-error');
      set(el, { thread: THREAD_A });
      expect((await failed).detail).to.deep.equal({ code: 'WIDGET_FAILED', message: 'The chat could not be loaded.' });
      expect(el.state).to.equal('error');
    } finally {
      Document.prototype.createElement = create;
    }
    const retried = oneEvent(el, 'sitegpt-retry');
    button(el, 'retry-button').click();
    expect((await retried).detail).to.deep.equal({ code: 'WIDGET_FAILED' });
    await untilState(el, 'ready');
  });
});
