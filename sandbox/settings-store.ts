/**
 * The sandbox's `SiteGptSettings`: the ONE settings item, as the CMS would hold it (field keys of
 * velo/backend/guardrails/settings-schema.ts, the static replies as JSON text), in a JSON file in
 * the data folder, behind the backend's SettingsStore port. The operator panel changes it through
 * `/_sandbox/settings` (routes/settings-route.ts), which checks every field with the schema's own
 * rules first; the backend reads it field by field, as on a site.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SettingsStore } from '../velo/backend/ports.js';

export type SettingsItem = Record<string, unknown>;

export class FileSettingsStore implements SettingsStore {
  #item: SettingsItem | null;

  constructor(readonly file: string) {
    this.#item = existsSync(file) ? readItem(file) : null;
  }

  /** The item, or null before the operator saved anything (the backend then uses the defaults). */
  async read(): Promise<SettingsItem | null> {
    return this.#item && { ...this.#item };
  }

  /** What is stored now, for the panel. */
  get item(): SettingsItem | null {
    return this.#item && { ...this.#item };
  }

  /** Merges fields into the item and saves it (write, then rename) before answering. */
  update(fields: SettingsItem): SettingsItem {
    const item = { ...this.#item, ...fields };
    mkdirSync(dirname(this.file), { recursive: true });
    writeFileSync(`${this.file}.tmp`, `${JSON.stringify(item, null, 2)}\n`);
    renameSync(`${this.file}.tmp`, this.file);
    this.#item = item;
    return { ...item };
  }

  /** Back to no item: every field its default. */
  reset(): void {
    mkdirSync(dirname(this.file), { recursive: true });
    writeFileSync(this.file, 'null\n');
    this.#item = null;
  }
}

/** A file someone edited by hand into something that is not an object reads as no item. */
function readItem(file: string): SettingsItem | null {
  try {
    const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as SettingsItem) : null;
  } catch {
    return null;
  }
}
