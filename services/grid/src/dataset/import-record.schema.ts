import { Schema } from 'mongoose';

/**
 * The commit point of an import (FerretDB has no multi-document transactions): one document, `_id: 'current'`,
 * written last. Readers load only units and grids carrying its importId and check the counts, so a half-written
 * import is never routed on.
 */
export interface ImportRecordDoc {
  _id: 'current';
  importId: string;
  title?: string;
  /** where the data came from: a file path, or demo:beifeng */
  source: string;
  importedAt: Date;
  durationMs: number;
  counts: { units: number; grids: number; households: number };
}

export const IMPORT_RECORD_MODEL = 'ImportRecord';
export const CURRENT_IMPORT = 'current';

export const importRecordSchema = new Schema<ImportRecordDoc>(
  {
    _id: { type: String, required: true },
    importId: { type: String, required: true },
    title: String,
    source: { type: String, required: true },
    importedAt: { type: Date, required: true },
    durationMs: { type: Number, required: true },
    counts: { units: Number, grids: Number, households: Number },
  },
  { collection: 'import_records', versionKey: false },
);
// no secondary index: read by _id only
