import { Schema } from 'mongoose';
import type { Model } from 'mongoose';

/**
 * Where a service remembers work that must happen even if the process dies first — an event not yet published, a
 * delivery to retry at 07:00, a mediator still to assign — so it never has to find that work by scanning its
 * collections. Ids are kept in time buckets: one document per queue and bucket (`<queue>|<bucket start ms>`),
 * listed in one index document per queue (`<queue>|index`). Every operation is a point read or write by `_id`, so
 * it costs the same at 200 or 200,000 stored cases; an idle sweep reads one document.
 */
export interface DueList {
  /** Remembers `ids` to be looked at from `dueAt` (or now, if earlier) on. */
  add(ids: readonly string[], dueAt: Date, now: Date): Promise<void>;
  /** The buckets whose time has passed (by `graceMs`, so no writer still adds to them), oldest first. */
  readyBuckets(now: Date): Promise<DueBucket[]>;
  /** Forgets a bucket's ids once each was handled or remembered again for later (the bucket goes when empty). */
  settle(bucket: DueBucket): Promise<void>;
  /** False until `markInitialised`: the first start may need to remember work stored before the list existed. */
  initialised(): Promise<boolean>;
  markInitialised(now: Date): Promise<void>;
}

export interface DueBucket {
  start: number;
  ids: string[];
}

export interface DueWorkDoc {
  _id: string;
  queue: string;
  /** bucket documents: the ids due from `at` on */
  at?: Date;
  ids?: string[];
  /** index document: the bucket starts (ms) that hold ids */
  buckets?: number[];
  initialisedAt?: Date;
}

export const DUE_WORK_MODEL = 'DueWork';

/** One collection per service; every read and write is by `_id` (no secondary index needed, none used). */
export const dueWorkSchema = new Schema<DueWorkDoc>(
  {
    _id: { type: String, required: true },
    queue: { type: String, required: true },
    at: Date,
    ids: { type: [String], default: undefined },
    buckets: { type: [Number], default: undefined },
    initialisedAt: Date,
  },
  { collection: 'due_work', versionKey: false },
);

export interface MongoDueListOptions {
  /** the queue's name within the service's due_work collection */
  queue: string;
  /**
   * How often the list is swept: buckets are a third of it (at most 10 s) and ready half a bucket after they end, so
   * work remembered for a time is handed back within about one sweep of it.
   */
  sweepMs?: number;
  /** width of a bucket (default from sweepMs, else 10 s) */
  bucketMs?: number;
  /** a bucket is ready this long after it ends (default half a bucket): writers add to the current bucket, never to a past one */
  graceMs?: number;
}

export class MongoDueList implements DueList {
  private readonly bucketMs: number;
  private readonly graceMs: number;
  /** buckets this process has listed in the index already (saves one write per add) */
  private readonly listed = new Set<number>();

  constructor(private readonly model: Model<DueWorkDoc>, private readonly options: MongoDueListOptions) {
    this.bucketMs = options.bucketMs ?? Math.max(100, Math.min(10_000, Math.floor((options.sweepMs ?? 30_000) / 3)));
    this.graceMs = options.graceMs ?? Math.floor(this.bucketMs / 2);
  }

  private get indexId(): string {
    return `${this.options.queue}|index`;
  }

  private bucketId(start: number): string {
    return `${this.options.queue}|${start}`;
  }

  async add(ids: readonly string[], dueAt: Date, now: Date): Promise<void> {
    if (ids.length === 0) return;
    const start = Math.floor(Math.max(dueAt.getTime(), now.getTime()) / this.bucketMs) * this.bucketMs;
    if (!this.listed.has(start)) {
      // listed before it is filled: a bucket that holds ids is always found
      await this.model.updateOne({ _id: this.indexId }, { $addToSet: { buckets: start }, $setOnInsert: { queue: this.options.queue } }, { upsert: true }).exec();
      this.listed.add(start);
      for (const known of this.listed) if (known < now.getTime() - 60 * this.bucketMs) this.listed.delete(known);
    }
    await this.model
      .updateOne({ _id: this.bucketId(start) }, { $addToSet: { ids: { $each: [...ids] } }, $setOnInsert: { queue: this.options.queue, at: new Date(start) } }, { upsert: true })
      .exec();
  }

  async readyBuckets(now: Date): Promise<DueBucket[]> {
    const index = await this.model.findById(this.indexId, { buckets: 1 }).lean<DueWorkDoc>().exec();
    const ready = (index?.buckets ?? []).filter((start) => start + this.bucketMs + this.graceMs <= now.getTime()).sort((a, b) => a - b);
    const buckets: DueBucket[] = [];
    for (const start of ready) {
      const doc = await this.model.findById(this.bucketId(start), { ids: 1 }).lean<DueWorkDoc>().exec();
      buckets.push({ start, ids: doc?.ids ?? [] });
    }
    return buckets;
  }

  async settle(bucket: DueBucket): Promise<void> {
    const id = this.bucketId(bucket.start);
    // only the ids handled: one added meanwhile (a writer whose clock is behind) stays for the next sweep
    await this.model.updateOne({ _id: id }, { $pullAll: { ids: bucket.ids } }).exec();
    const emptied = await this.model.deleteOne({ _id: id, ids: { $size: 0 } }).exec();
    const gone = emptied.deletedCount === 1 || !(await this.model.exists({ _id: id }).exec());
    if (!gone) return;
    await this.model.updateOne({ _id: this.indexId }, { $pull: { buckets: bucket.start } }).exec();
    this.listed.delete(bucket.start);
  }

  async initialised(): Promise<boolean> {
    const index = await this.model.findById(this.indexId, { initialisedAt: 1 }).lean<DueWorkDoc>().exec();
    return Boolean(index?.initialisedAt);
  }

  async markInitialised(now: Date): Promise<void> {
    await this.model.updateOne({ _id: this.indexId }, { $set: { initialisedAt: now }, $setOnInsert: { queue: this.options.queue } }, { upsert: true }).exec();
  }
}

/** The due list in memory, with the Mongo list's semantics: for unit tests, and for code that needs no restart safety. */
export class InMemoryDueList implements DueList {
  readonly buckets = new Map<number, Set<string>>();
  private done = false;

  constructor(private readonly bucketMs = 10_000, private readonly graceMs = 5_000) {}

  async add(ids: readonly string[], dueAt: Date, now: Date): Promise<void> {
    if (ids.length === 0) return;
    const start = Math.floor(Math.max(dueAt.getTime(), now.getTime()) / this.bucketMs) * this.bucketMs;
    const bucket = this.buckets.get(start) ?? new Set<string>();
    for (const id of ids) bucket.add(id);
    this.buckets.set(start, bucket);
  }

  async readyBuckets(now: Date): Promise<DueBucket[]> {
    return [...this.buckets]
      .filter(([start]) => start + this.bucketMs + this.graceMs <= now.getTime())
      .sort(([a], [b]) => a - b)
      .map(([start, ids]) => ({ start, ids: [...ids] }));
  }

  async settle(bucket: DueBucket): Promise<void> {
    const ids = this.buckets.get(bucket.start);
    for (const id of bucket.ids) ids?.delete(id);
    if (ids?.size === 0) this.buckets.delete(bucket.start);
  }

  async initialised(): Promise<boolean> {
    return this.done;
  }

  async markInitialised(): Promise<void> {
    this.done = true;
  }

  /** Every id remembered, in any bucket. */
  ids(): string[] {
    return [...this.buckets.values()].flatMap((ids) => [...ids]);
  }
}
