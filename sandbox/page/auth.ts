/**
 * The sandbox's stand-in for `@wix/site-members`/`authentication`: who is signed in comes from
 * the server (a signed HttpOnly cookie), never from page state, and the same small surface page
 * code uses on Wix: loggedIn, onLogin, onLogout, promptLogin, currentMemberId.
 */
export interface SandboxMember {
  id: string;
  name: string;
}

type Listener = () => void;

export class SandboxAuth {
  #member: SandboxMember | null = null;
  readonly #onLogin = new Set<Listener>();
  readonly #onLogout = new Set<Listener>();
  /** Called by promptLogin(): the page shows its sign-in picker and says when it was cancelled. */
  onPrompt: (cancelled: () => void) => void = (cancelled) => cancelled();

  /** Reads the session the server holds (page load). */
  async load(): Promise<void> {
    const reply = (await (await fetch('/_auth/me')).json()) as { member: SandboxMember | null };
    this.#member = reply.member;
  }

  loggedIn(): boolean {
    return this.#member !== null;
  }

  currentMember(): SandboxMember | null {
    return this.#member;
  }

  async currentMemberId(): Promise<string | undefined> {
    return this.#member?.id;
  }

  onLogin(listener: Listener): void {
    this.#onLogin.add(listener);
  }

  onLogout(listener: Listener): void {
    this.#onLogout.add(listener);
  }

  /** Like Wix's: resolves once someone signed in, rejects when the picker is cancelled. */
  promptLogin(): Promise<void> {
    return new Promise((resolve, reject) => {
      const done = () => {
        this.#onLogin.delete(done);
        resolve();
      };
      this.#onLogin.add(done);
      this.onPrompt(() => {
        this.#onLogin.delete(done);
        reject(new Error('login cancelled'));
      });
    });
  }

  /** Signing in as another member while signed in is a logout, then a login (as on Wix). */
  async signIn(memberId: string): Promise<void> {
    if (this.#member?.id === memberId) return;
    if (this.#member) await this.signOut();
    const reply = await post<{ member: SandboxMember }>('/_auth/login', { memberId });
    this.#member = reply.member;
    this.#onLogin.forEach((listener) => listener());
  }

  async signOut(): Promise<void> {
    if (!this.#member) return;
    await post('/_auth/logout', {});
    this.#member = null;
    this.#onLogout.forEach((listener) => listener());
  }
}

async function post<T = unknown>(path: string, body: unknown): Promise<T> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return (await response.json()) as T;
}
