import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Schema } from 'mongoose';
import { ConcurrentChangeError, KeyedBatches, isDuplicateKey } from '@civicflow/platform';
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


/** How often a day's write is tried again at once when another replica wrote the day in between (then the transport waits). */
const CONTENDED_TRIES = 5;

/** The day buckets (see case-fact-days.ts): written by the projector and the backfill, read by `_id` by the figures. */
@Injectable()
export class CaseFactDays {
  /**
   * Every event of a day rewrites that day's document, which grows with the day's cases: one write per event made
   * the projection slower the busier the day (issue 17: 15 events/s at 700 cases, falling behind a chaos run's
   * 2,000). The rows that arrive while the day is being written go together in its next write. One writer per day
   * in this process, too: FerretDB's conditional update is not atomic against a concurrent one in the same process.
   */
  private readonly batches = new KeyedBatches<FactRow>((dayKey, rows) => this.write(dayKey, rows));

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

  /** Merges rows into one day (with the rows of other callers that arrive meanwhile); resolves once they are written. */
  merge(dayKey: string, rows: readonly FactRow[]): Promise<void> {
    return this.batches.add(dayKey, ...rows);
  }

  /**
   * One single-document write guarded by the day's revision. Another replica that wrote the day in between is
   * answered by reading it again and merging anew (rows carry revisions, so a merge is idempotent) a few times at
   * once, then by `ConcurrentChangeError`, which the transport waits out.
   */
  private async write(dayKey: string, rows: readonly FactRow[]): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.writeOnce(dayKey, rows);
      } catch (error) {
        if (!(error instanceof ConcurrentChangeError) || attempt >= CONTENDED_TRIES) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
      }
    }
  }

  private async writeOnce(dayKey: string, rows: readonly FactRow[]): Promise<void> {
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
  }
}
