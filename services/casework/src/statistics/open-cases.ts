import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Schema } from 'mongoose';
import type { CaseReadDoc } from '../read-model/case-projection';
import { isDuplicateKey } from '@civicflow/platform';

export const OPEN_CASE_MODEL = 'OpenCase';

/** What the breach board shows of an open case, and what its jurisdiction filter needs. */
export const BOARD_FIELDS = [
  '_id', 'stage', 'level', 'currentUnit', 'streetId', 'communityId', 'orgPath', 'categoryCode', 'priority', 'open', 'sla', 'pendingDepartments',
] as const satisfies readonly (keyof CaseReadDoc)[];
export type BoardCase = Pick<CaseReadDoc, (typeof BOARD_FIELDS)[number]>;

/**
 * 在办案件: one small document per case in a working stage, kept by the worklist projection (added when the case
 * enters the working stages, removed when it leaves them), so the breach board reads the backlog — not every
 * case ever registered. The board fields are one JSON string: FerretDB v1 decodes subdocuments slowly
 * (measured: 2,300 open cases, 0.65 s as subdocuments, 0.16–0.25 s as a string).
 */
export interface OpenCaseDoc {
  _id: string;
  /** the worklist document's revision this entry was built from */
  revision: number;
  /** JSON of BoardCase without _id */
  entry: string;
}

export const openCaseSchema = new Schema<OpenCaseDoc>(
  {
    _id: { type: String, required: true },
    revision: { type: Number, required: true },
    entry: { type: String, required: true },
  },
  { collection: 'case_open', versionKey: false },
);


function entryOf(doc: CaseReadDoc): OpenCaseDoc {
  const { _id, ...board } = Object.fromEntries(BOARD_FIELDS.map((field) => [field, doc[field]])) as BoardCase;
  return { _id, revision: doc.revision, entry: JSON.stringify(board) };
}

@Injectable()
export class OpenCases {
  constructor(@InjectModel(OPEN_CASE_MODEL) private readonly open: Model<OpenCaseDoc>) {}

  /** Follows a worklist document as written: kept while the case is open, removed once it is not. Idempotent. */
  async sync(worklistDoc: CaseReadDoc): Promise<void> {
    if (!worklistDoc.open) {
      await this.open.collection.deleteOne({ _id: worklistDoc._id as never });
      return;
    }
    const { _id, ...fields } = entryOf(worklistDoc);
    try {
      // never back to an older revision: a newer entry makes the filter miss, and the upsert's insert hits the key
      await this.open.collection.replaceOne({ _id: _id as never, revision: { $lte: worklistDoc.revision } }, fields, { upsert: true });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }

  /** Empties the index (a rebuild starts from scratch). */
  async clear(): Promise<void> {
    await this.open.collection.deleteMany({});
  }

  /** Adds open worklist documents in one round trip (the rebuild, after `clear`, before the projection runs here). */
  async addAll(worklistDocs: readonly CaseReadDoc[]): Promise<void> {
    const open = worklistDocs.filter((doc) => doc.open);
    if (open.length > 0) await this.open.collection.insertMany(open.map(entryOf) as never[], { ordered: false });
  }

  /** Every open case. */
  async all(): Promise<BoardCase[]> {
    const docs = await this.open.find().lean<OpenCaseDoc[]>();
    return docs.map((doc) => ({ _id: doc._id, ...(JSON.parse(doc.entry) as Omit<BoardCase, '_id'>) }));
  }
}
