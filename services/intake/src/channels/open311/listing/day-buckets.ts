import type { mongo } from 'mongoose';
import { isDuplicateKey } from '@civicflow/platform';
import { DAY_MS } from '../open311.dto';

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The China-time day an instant falls on, `YYYY-MM-DD`: the `_id` of a day's bucket. */
export const chinaDay = (at: Date) => new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);

/** The days from `start` to `end` (China time), newest first. */
export function chinaDaysBetween(start: Date, end: Date): string[] {
  const days: string[] = [];
  for (let t = end.getTime(); t >= start.getTime() - DAY_MS; t -= DAY_MS) {
    const day = chinaDay(new Date(t));
    if (day < chinaDay(start)) break;
    if (days[days.length - 1] !== day) days.push(day);
  }
  return days;
}

/** A day's entries, kept in one document whose `_id` is the day; `keys` lists the entries' keys. */
export interface DayBucketDoc<T> {
  _id: string;
  entries: T[];
  keys?: string[];
}

/**
 * Entries by day, one document a day: "what happened between these times" is a read by `_id` per day (FerretDB
 * decodes every document for any other filter; a time index would be a scan there). An entry is added once, by
 * its key: a repeated add finds it and changes nothing. The keys are kept apart as plain strings because FerretDB
 * 1.24 answers `$ne` through an array of documents (`entries.key`) wrongly — it matches when any entry differs —
 * while `$ne` on an array of strings behaves as on MongoDB (checked in the storage conformance suite).
 */
export class DayBuckets<T extends object> {
  constructor(private readonly collection: mongo.Collection, private readonly keyField: keyof T & string) {}

  /** true when this call added the entry, false when the day held it already. */
  async add(at: Date, entry: T): Promise<boolean> {
    const _id = chinaDay(at);
    const key = String(entry[this.keyField]);
    const push = (upsert: boolean) => this.collection.updateOne({ _id: _id as never, keys: { $ne: key } }, { $push: { entries: entry as never, keys: key as never } }, { upsert });
    try {
      const result = await push(true);
      return result.modifiedCount + result.upsertedCount > 0;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      // the day exists now: either it holds the entry (the filter missed it) or another add created the day first
      return (await push(false)).modifiedCount > 0;
    }
  }

  /** The entries of the days from start to end (newest day first; within a day, in the order they were added). */
  async between(start: Date, end: Date): Promise<T[]> {
    const days = await Promise.all(chinaDaysBetween(start, end).map((day) => this.collection.findOne({ _id: day as never })));
    return days.flatMap((day) => (day?.entries as T[] | undefined) ?? []);
  }
}
