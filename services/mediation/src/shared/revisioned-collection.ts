import { Model } from 'mongoose';
import { KeyedLock } from '@civicflow/platform';
import { isDuplicateKey } from './http-errors';

const MAX_ATTEMPTS = 5;

/**
 * One document per key, every write one single-document update guarded by `revision` (FerretDB has no
 * multi-document transactions): a concurrent writer makes the loser read again and re-decide.
 */
export class RevisionedCollection<T extends { _id: string; revision: number }> {
  private readonly lock = new KeyedLock();

  constructor(protected readonly docs: Model<T>, private readonly what: string) {}

  findById(id: string): Promise<T | null> {
    return this.docs.findById(id).lean<T>().exec();
  }

  /** Inserts a new document; false when one with that id exists already. */
  async insert(doc: T): Promise<boolean> {
    await this.beforeWrite(doc._id, doc);
    try {
      await this.docs.collection.insertOne(doc as never);
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  /**
   * Read, decide, write: `decide` returns the fields to change (or undefined for nothing); it runs again on the
   * fresh document when another writer got there first. Returns the document as written (or as found).
   */
  mutate(id: string, decide: (doc: T) => Partial<T> | undefined): Promise<T | null> {
    return this.lock.run(id, () => this.mutateNow(id, decide));
  }

  private async mutateNow(id: string, decide: (doc: T) => Partial<T> | undefined): Promise<T | null> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const doc = await this.findById(id);
      if (!doc) return null;
      const changes = decide(doc);
      if (!changes || Object.keys(changes).length === 0) return doc;
      const { _id: _ignored, revision: _r, ...fields } = changes;
      await this.beforeWrite(id, fields as Partial<T>);
      const result = await this.docs.collection.updateOne({ _id: id as never, revision: doc.revision }, { $set: { ...fields, revision: doc.revision + 1 } });
      if (result.matchedCount === 1) return { ...doc, ...fields, revision: doc.revision + 1 };
    }
    throw new Error(`${this.what} ${id} 正被并发修改 changed concurrently ${MAX_ATTEMPTS} times; retry`);
  }

  /** Runs before each write with the fields it sets (e.g. to remember the work the write leaves pending). */
  protected async beforeWrite(_id: string, _fields: Partial<T>): Promise<void> {}

  get model(): Model<T> {
    return this.docs;
  }
}
