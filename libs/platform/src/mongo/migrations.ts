import type { mongo } from 'mongoose';
import { isDuplicateKey } from './duplicate-key';

type Db = mongo.Db;

/**
 * A one-time change of a service's stored documents to a new shape. `run` must be safe to run again (a crash
 * half-way makes the next start run it again) and must work one document at a time (no transactions on FerretDB).
 * It returns a short account of what it changed, kept in the service's `schema_migrations` collection.
 */
export interface Migration {
  /** Unique within the service, never reused: `<service>-<yyyy-mm>-<what>`. */
  id: string;
  description: string;
  run(db: Db): Promise<string>;
}

export interface MigrationRecord {
  _id: string;
  description: string;
  startedAt: Date;
  finishedAt: Date | null;
  result: string | null;
}

export const MIGRATIONS_COLLECTION = 'schema_migrations';

/** A migration another instance started this long ago and never finished is taken to have died with it. */
const STALE_MS = 10 * 60_000;

interface MigrationLogger {
  log(message: string): void;
}

/**
 * Runs each migration not yet recorded as finished, in order, before the service consumes or serves anything.
 * One instance runs a migration at a time: the `_id` of its record is the claim (a second instance starting at
 * the same moment skips it and finds it finished on its next start).
 * @returns the ids run now.
 */
export async function runMigrations(db: Db, migrations: readonly Migration[], logger?: MigrationLogger, now: () => Date = () => new Date()): Promise<string[]> {
  const records = db.collection<MigrationRecord>(MIGRATIONS_COLLECTION);
  const ran: string[] = [];
  for (const migration of migrations) {
    const existing = await records.findOne({ _id: migration.id });
    if (existing?.finishedAt) continue;
    const startedAt = now();
    if (!existing) {
      try {
        await records.insertOne({ _id: migration.id, description: migration.description, startedAt, finishedAt: null, result: null });
      } catch (error) {
        if (isDuplicateKey(error)) continue; // another instance claimed it just now
        throw error;
      }
    } else {
      if (startedAt.getTime() - new Date(existing.startedAt).getTime() < STALE_MS) continue; // another instance is running it
      const taken = await records.updateOne({ _id: migration.id, startedAt: existing.startedAt, finishedAt: null }, { $set: { startedAt } });
      if (taken.matchedCount === 0) continue;
    }
    const result = await migration.run(db);
    await records.updateOne({ _id: migration.id }, { $set: { finishedAt: now(), result } });
    logger?.log(`数据迁移 ${migration.id} 完成 migration done: ${result}`);
    ran.push(migration.id);
  }
  return ran;
}
