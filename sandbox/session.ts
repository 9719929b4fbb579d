/**
 * The sandbox's sign-in: a cookie that names the member, signed with HMAC-SHA256 under a
 * secret only the server knows, so page code cannot pick the member by sending a value (the
 * way Wix's own session works for `members.getCurrentMember()`). HttpOnly and SameSite=Strict.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MEMBER_ID } from '../element/src/formats.js';
import type { Member } from '../velo/backend/ports.js';

export const COOKIE = 'sandbox_member';

export type SandboxMember = Member & { name: string };

/** The sign-in bar's members. IDs are slugs (the element accepts them); Wix's are GUIDs. */
export const SANDBOX_MEMBERS: readonly SandboxMember[] = [
  { id: 'ada', name: 'Ada Lovelace', loginEmail: 'ada@example.com' },
  { id: 'grace', name: 'Grace Hopper', loginEmail: 'grace@example.com' },
  { id: 'alan', name: 'Alan Turing', loginEmail: 'alan@example.com' },
];

/**
 * The site's owner, for the admin page (`/admin`): a member too, as on Wix, whose session also
 * admits Admin web methods. Only `POST /_auth/owner` signs them in as an admin; signing in with
 * this ID as a member gives a member's session.
 */
export const SITE_OWNER: SandboxMember = { id: 'site-owner', name: 'Site owner', loginEmail: 'owner@example.com' };

/**
 * The member an ID names: one of the bar's, or any other ID shaped like the element's
 * `member-id` (so a load test can sign in many members), named by its ID, with the login
 * email `<id>@example.com`. Undefined for anything else.
 */
export function memberFor(id: unknown): SandboxMember | undefined {
  if (typeof id !== 'string' || !MEMBER_ID.test(id)) return undefined;
  return SANDBOX_MEMBERS.find((m) => m.id === id) ?? { id, name: id, loginEmail: `${id}@example.com` };
}

/** SANDBOX_SESSION_SECRET, else a random key kept in the data folder (sessions survive restarts). */
export function loadSessionSecret(dir: string, env: Readonly<Record<string, string | undefined>>): Buffer {
  if (env.SANDBOX_SESSION_SECRET) return Buffer.from(env.SANDBOX_SESSION_SECRET, 'utf8');
  const file = join(dir, 'session-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'utf8');
}

export class Sessions {
  constructor(private readonly secret: Buffer) {}

  /** The Set-Cookie value that signs `memberId` in. */
  signIn(memberId: string): string {
    return `${COOKIE}=${memberId}.${this.sign(memberId)}; Path=/; HttpOnly; SameSite=Strict`;
  }

  /** The Set-Cookie value that signs the site owner in, as an admin (a role the cookie's signature covers). */
  signInOwner(): string {
    return `${COOKIE}=${SITE_OWNER.id}.admin.${this.sign(`admin:${SITE_OWNER.id}`)}; Path=/; HttpOnly; SameSite=Strict`;
  }

  /** Whether the cookie is the site owner's admin session: what `Permissions.Admin` admits. */
  isAdmin(cookieHeader: string | undefined): boolean {
    const value = parseCookies(cookieHeader).get(COOKIE);
    const prefix = `${SITE_OWNER.id}.admin.`;
    if (!value?.startsWith(prefix)) return false;
    const given = Buffer.from(value.slice(prefix.length));
    const expected = Buffer.from(this.sign(`admin:${SITE_OWNER.id}`));
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  signOut(): string {
    return `${COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`;
  }

  /** The member named by a correctly signed cookie, else null. */
  member(cookieHeader: string | undefined): SandboxMember | null {
    if (this.isAdmin(cookieHeader)) return SITE_OWNER;
    const value = parseCookies(cookieHeader).get(COOKIE);
    if (!value) return null;
    const dot = value.lastIndexOf('.');
    if (dot <= 0) return null;
    const id = value.slice(0, dot);
    const given = Buffer.from(value.slice(dot + 1));
    const expected = Buffer.from(this.sign(id));
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    return memberFor(id) ?? null;
  }

  private sign(memberId: string): string {
    return createHmac('sha256', this.secret).update(`sandbox-session/v1:${memberId}`).digest('base64url');
  }
}

function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) cookies.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return cookies;
}
