import { Schema } from 'mongoose';

/** One import at a time across every replica and the CLI; expires so a crashed importer does not block forever. */
export interface ImportLockDoc {
  _id: 'grid-dataset';
  holder: string;
  expiresAt: Date;
}

export const IMPORT_LOCK_MODEL = 'ImportLock';

export const importLockSchema = new Schema<ImportLockDoc>(
  { _id: { type: String, required: true }, holder: { type: String, required: true }, expiresAt: { type: Date, required: true } },
  { collection: 'import_locks', versionKey: false },
);
// no secondary index: read by _id only
