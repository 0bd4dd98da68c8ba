import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Schema } from 'mongoose';
import { ConcurrentChangeError, KeyedLock, isDuplicateKey } from '@civicflow/platform';
import { dayKeyOf, FactRow, mergeRows, rowOf, RowSource } from './case-fact-days';

export const CASE_FACT_DAY_MODEL = 'CaseFactDay';

/**
 * One document per China day. The rows are one JSON string, not an array of subdocuments: FerretDB v1 decodes
 * nested documents slowly (measured: 30 days of ~220 rows each, 2.6 s as subdocuments, 0.18 s as one string),
 * and nothing ever queries inside a day.
 */
export interface CaseFactDayDoc {
  /** 'YYYY-MM-DD', China time */
  _id: string;
  /** bumped on every write; the optimistic guard of the single-document update */
  revision: number;
  /** JSON of FactRow[] */
  rows: string;
}

export const caseFactDaySchema = new Schema<CaseFactDayDoc>(
  {
    _id: { type: String, required: true },
    revision: { type: Number, required: true },
    rows: { type: String, required: true },
  },
  { collection: 'case_fact_days', versionKey: false },
);


/** The day buckets (see case-fact-days.ts): written by the projector and the backfill, read by `_id` by the figures. */
@Injectable()
export class CaseFactDays {
  /** FerretDB's conditional update is not atomic against a concurrent one in this process: one writer per day. */
  private readonly lock = new KeyedLock();

  constructor(@InjectModel(CASE_FACT_DAY_MODEL) private readonly days: Model<CaseFactDayDoc>) {}

  /** Puts the fact's row into its day; a no-op when the day already holds this revision (or before registration). */
  async record(fact: RowSource): Promise<void> {
    const row = rowOf(fact);
    if (row) await this.merge(dayKeyOf(row.registeredAt), [row]);
  }

  /**
   * The rows of these days, one point read by `_id` each: FerretDB answers `_id: {$in: …}` by reading every stored
   * day (the storage conformance suite's explain shows the scan), a read by `_id` from its index.
   */
  async rowsOf(dayKeys: readonly string[]): Promise<FactRow[]> {
    const docs = await Promise.all(dayKeys.map((key) => this.days.findById(key).lean<CaseFactDayDoc>()));
    return docs.flatMap((doc) => (doc ? (JSON.parse(doc.rows) as FactRow[]) : []));
  }

  /**
   * Merges rows into one day with one single-document write guarded by the day's revision (a concurrent writer
   * in another process throws, and the transport retries the event).
   */
  async merge(dayKey: string, rows: readonly FactRow[]): Promise<void> {
    await this.lock.run(dayKey, async () => {
      const current = await this.days.findById(dayKey).lean<CaseFactDayDoc>();
      const next = mergeRows(current ? (JSON.parse(current.rows) as FactRow[]) : [], rows);
      if (!next) return;
      if (!current) {
        try {
          await this.days.collection.insertOne({ _id: dayKey, revision: 1, rows: JSON.stringify(next) } as never);
        } catch (error) {
          if (isDuplicateKey(error)) throw new ConcurrentChangeError(`statistics day ${dayKey} was created concurrently`);
          throw error;
        }
        return;
      }
      const result = await this.days.collection.updateOne(
        { _id: dayKey as never, revision: current.revision },
        { $set: { rows: JSON.stringify(next), revision: current.revision + 1 } },
      );
      if (result.matchedCount === 0) throw new ConcurrentChangeError(`statistics day ${dayKey} changed concurrently`);
    });
  }
}
