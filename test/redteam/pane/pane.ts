// The page of the red-team pane tests: the element from its TypeScript sources, defined, and
// a hook the suite calls to show a member's page of turns the way page code would.
import '../../../element/src/sitegpt-member-chat.define.js';

declare global {
  interface Window {
    showTurns(attributes: Record<string, string>): Promise<void>;
    paneReady: boolean;
  }
}

window.showTurns = async (attributes) => {
  document.querySelector('sitegpt-member-chat')?.remove();
  delete (window as { __redteam?: unknown }).__redteam;
  const element = document.createElement('sitegpt-member-chat');
  // Page code sets the identity first, then the page of turns (velo/public/native/).
  for (const name of ['chatbot-id', 'mode', 'member-id', 'thread']) element.setAttribute(name, attributes[name]!);
  document.body.append(element);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  await element.updateComplete;
};
window.paneReady = true;
