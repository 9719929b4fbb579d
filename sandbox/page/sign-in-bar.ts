/**
 * The sign-in bar at the top of the sandbox page: a button per sandbox member, a "Sign in
 * as…" field for any other member ID (shaped like the element's `member-id`), sign-out, and
 * the picker that `promptLogin()` opens when the element asks for a sign-in.
 */
import { MEMBER_ID } from '../../element/src/formats.js';
import type { SandboxAuth, SandboxMember } from './auth.js';

const $ = <T extends Element>(selector: string) => document.querySelector<T>(selector)!;
const firstName = (member: SandboxMember) => member.name.split(' ')[0]!;

export function connectSignInBar(auth: SandboxAuth, members: readonly SandboxMember[], onAction: (name: string, detail?: unknown) => void): void {
  async function signIn(memberId: string): Promise<void> {
    onAction('sign in', { memberId });
    await auth.signIn(memberId);
  }

  const memberButtons = members.map((member) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.dataset.member = member.id;
    button.addEventListener('click', () => void signIn(member.id));
    return button;
  });
  $('[data-members]').append(...memberButtons);

  // Any member ID: checked here against the element's own rule (the server checks it again).
  const form = $<HTMLFormElement>('[data-sign-in-as]');
  const field = form.querySelector<HTMLInputElement>('input')!;
  field.addEventListener('input', () => field.setCustomValidity(''));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const memberId = field.value.trim();
    if (!MEMBER_ID.test(memberId)) {
      field.setCustomValidity('1–64 letters, digits, "-" or "_", starting with a letter or digit');
      field.reportValidity();
      return;
    }
    signIn(memberId).then(
      () => form.reset(),
      () => {
        field.setCustomValidity('The sandbox refused this member ID.');
        field.reportValidity();
      },
    );
  });

  const prompt = $<HTMLDialogElement>('[data-prompt]');
  $('[data-prompt-members]').append(
    ...members.map((member) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = member.name;
      button.addEventListener('click', async () => {
        await signIn(member.id);
        prompt.close();
      });
      return button;
    }),
  );
  auth.onPrompt = (cancelled) => {
    prompt.addEventListener('close', () => { if (!auth.loggedIn()) cancelled(); }, { once: true });
    prompt.showModal();
  };

  const signOutButton = $<HTMLButtonElement>('[data-sign-out]');
  signOutButton.addEventListener('click', async () => {
    onAction('sign out');
    await auth.signOut();
  });

  const who = $('[data-who]');
  function showSession(): void {
    const current = auth.currentMember();
    who.textContent = current ? `Signed in as ${current.name}` : 'Not signed in';
    signOutButton.hidden = !current;
    for (const [i, button] of memberButtons.entries()) {
      const member = members[i]!;
      const pressed = member.id === current?.id;
      button.setAttribute('aria-pressed', String(pressed));
      button.textContent = pressed ? firstName(member) : `${current ? 'Switch to' : 'Sign in as'} ${firstName(member)}`;
    }
  }
  auth.onLogin(showSession);
  auth.onLogout(showSession);
  showSession();
}
