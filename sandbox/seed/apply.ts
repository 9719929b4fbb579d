/**
 * Writes a seeded history into the sandbox's mirror, replacing the previous seed's members
 * (IDs starting `seed-`) and leaving everyone else's turns alone.
 */
import type { SqliteTranscriptStore } from '../transcript-store.js';
import { SEED_PREFIX, seedHistory, type SeedOptions } from './history.js';

export interface SeedSummary {
  turns: number;
  members: number;
  from: number;
  to: number;
}

export const SEED_DEFAULTS = { seed: 42, days: 28, members: 360 } as const;

export function seedMirror(store: SqliteTranscriptStore, options: Partial<SeedOptions> = {}): SeedSummary {
  const now = options.now ?? Date.now();
  const wanted: SeedOptions = { ...SEED_DEFAULTS, ...options, now };
  const rows = seedHistory(wanted);
  store.replaceMembers(SEED_PREFIX, rows);
  return { turns: rows.length, members: new Set(rows.map((row) => row.memberId)).size, from: now - wanted.days * 86_400_000, to: now };
}
