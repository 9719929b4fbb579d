/**
 * One row per collection: present, Admin-only for reading, creating, updating and deleting, and
 * with the guide's fields. Permissions that let anyone but an admin at members' chats fail the
 * row. A missing field or one of another type only warns: Wix enforces neither (it adds a field
 * the chat writes, as an "undefined field", and stores a value whatever the field's type;
 * https://dev.wix.com/docs/develop-websites-sdk/code-your-site/work-with-data/introduction/about-collection-fields),
 * but the dashboard can't sort or filter such a field, and the guide asks for it.
 */
import type { SetupCheck, SetupCheckId } from '../../../contract/setup.js';
import { FIELD_TYPES, type ExpectedCollection } from './expected.js';
import type { CollectionSchema } from './ports.js';
import { list, row, TRY_AGAIN, whyUnread, type Read } from './rows.js';

const ACTIONS = [
  ['read', 'read'],
  ['insert', 'create'],
  ['update', 'update'],
  ['remove', 'delete'],
] as const;

/** Roles that keep members and visitors out: admins, and collaborators who may edit the CMS. */
const PRIVATE = new Set(['ADMIN', 'CMS_EDITOR']);

const WHO: Record<string, string> = {
  ANYONE: 'anyone, even visitors,',
  SITE_MEMBER: 'any member',
  SITE_MEMBER_AUTHOR: 'members (their own items)',
};

const PERMISSIONS_FIX = (id: string) =>
  `In the CMS, open the collection ${id}, then its "Permissions & privacy" (the ⋮ menu next to the collection's name), choose custom permissions and set read, create, update and delete all to "Admin". The chat reads and writes it with the site's own rights, so members never need access.`;

export function collectionRow(id: SetupCheckId, expected: ExpectedCollection, schema: Read<CollectionSchema | null>): SetupCheck {
  const title = `Collection ${expected.id}`;
  if (!schema.ok) return row(id, 'unchecked', title, `Could not read the collection's structure: ${whyUnread(schema.failure, 'Wix')}`, TRY_AGAIN);
  if (schema.value === null) {
    if (!expected.required) return row(id, 'pass', title, "Not created. It's optional: the chat uses its default settings.");
    const create = `In the CMS, create a collection whose ID is exactly ${expected.id} (install guide, ${expected.step}), add ${fieldWords(expected)}, then set its permissions: ${PERMISSIONS_FIX(expected.id)}`;
    if (expected.neededOnlyFor !== undefined) {
      return row(
        id,
        'warn',
        title,
        `Missing. The chat keeps ${expected.purpose} in it: ${expected.neededOnlyFor} need it. Widget mode works without it.`,
        `Only if the site uses any of those. ${create}`,
      );
    }
    return row(id, 'fail', title, `Missing. The chat keeps ${expected.purpose} in it, so it doesn't work without it.`, create);
  }

  const open = openActions(schema.value);
  const fields = fieldProblems(expected, schema.value);
  const found: string[] = [];
  const fixes: string[] = [];
  if (open === undefined) {
    found.push("Its permissions could not be read, so the check can't tell whether only admins can reach it.");
    fixes.push(`Check by hand: ${PERMISSIONS_FIX(expected.id)}`);
  } else if (open.length > 0) {
    found.push(`Not private: ${open.join('; ')}. Only admins may reach it.`);
    fixes.push(PERMISSIONS_FIX(expected.id));
  }
  if (fields.missing.length > 0) {
    found.push(`Missing ${fields.missing.length === 1 ? 'field' : 'fields'}: ${list(fields.missing)}.`);
  }
  if (fields.mistyped.length > 0) found.push(`Of another type: ${list(fields.mistyped)}.`);
  if (fields.missing.length + fields.mistyped.length > 0) {
    found.push("The chat still works (Wix stores what it writes anyway), but the CMS dashboard can't sort or filter those fields.");
    fixes.push(`In the CMS, open ${expected.id} and make sure it has these fields, keys and types exactly as written: ${list(fields.expectedWords, 30)}.`);
  }
  if (found.length === 0) {
    const count = Object.keys(expected.fields).length;
    return row(id, 'pass', title, count > 0 ? `Present, admins only, with all ${count} fields.` : 'Present, admins only.');
  }
  const status = open !== undefined && open.length > 0 ? 'fail' : 'warn';
  return row(id, status, title, found.join(' '), fixes.join(' '));
}

/** "read: anyone, even visitors" for each action not limited to admins; undefined when Wix didn't say. */
function openActions(schema: CollectionSchema): string[] | undefined {
  const permissions = schema.permissions;
  if (!permissions) return undefined;
  const open: string[] = [];
  for (const [action, words] of ACTIONS) {
    const role = permissions[action];
    if (role === undefined) return undefined;
    if (!PRIVATE.has(role)) open.push(`${WHO[role] ?? role} may ${words} items`);
  }
  return open;
}

function fieldProblems(expected: ExpectedCollection, schema: CollectionSchema) {
  const types = new Map(schema.fields.map((field) => [field.key, field.type]));
  const missing: string[] = [];
  const mistyped: string[] = [];
  const expectedWords: string[] = [];
  for (const [key, kind] of Object.entries(expected.fields)) {
    const spec = FIELD_TYPES[kind];
    const type = types.get(key);
    if (type === undefined) missing.push(key);
    else if (!(spec.accepts as readonly string[]).includes(type)) mistyped.push(`${key} (should be ${spec.words})`);
    if (type === undefined || !(spec.accepts as readonly string[]).includes(type)) expectedWords.push(`${key} (${spec.words})`);
  }
  return { missing, mistyped, expectedWords };
}

function fieldWords(expected: ExpectedCollection): string {
  const fields = Object.entries(expected.fields).map(([key, kind]) => `${key} (${FIELD_TYPES[kind].words})`);
  return fields.length > 0 ? `these fields, keys exactly as written: ${list(fields, 30)}` : 'the fields you want to change (the guide lists them)';
}
