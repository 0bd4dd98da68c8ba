// The due list on the real MongoDB-protocol server: work remembered by a writer that then died is found by a
// sweep; a replica killed mid-round leaves its bucket for the other, which finishes it; two replicas sweeping the
// same bucket do each piece of work once, because the handler claims its document with one atomic update.
import mongoose, { Connection, Model } from 'mongoose';
import { DUE_WORK_MODEL, DueWork, DueWorkDoc, dueWorkSchema, MongoDueList } from '@civicflow/platform';
import { integrationConfig, uniqueId } from '@civicflow/testing';

const env = integrationConfig();
const T0 = new Date('2026-12-07T08:00:00.000Z');
const afterBucket = new Date(T0.getTime() + 20_000);

interface ItemDoc {
  _id: string;
  status: 'due' | 'done';
  by?: string;
}

let connection: Connection;
let due: Model<DueWorkDoc>;
let items: Model<ItemDoc>;

beforeAll(async () => {
  connection = await mongoose.createConnection(env.MONGO_URL, { dbName: uniqueId('duework') }).asPromise();
  due = connection.model<DueWorkDoc>(DUE_WORK_MODEL, dueWorkSchema);
  items = connection.model<ItemDoc>('Item', new mongoose.Schema<ItemDoc>({ _id: String, status: String, by: String }, { collection: 'items', versionKey: false }));
});

afterAll(async () => {
  await connection?.dropDatabase();
  await connection?.close();
});

/** A replica: its own due list object over the shared collection, a handler that claims the item atomically. */
function replica(name: string, queue: string, now: () => Date, onItem: (id: string) => Promise<void> = async () => {}) {
  const claimed: string[] = [];
  const work = new DueWork({
    name, list: new MongoDueList(due, { queue }), now, sweepMs: 60_000, horizonMs: 0,
    handle: async (id) => {
      await onItem(id);
      const won = await items.findOneAndUpdate({ _id: id, status: 'due' }, { $set: { status: 'done', by: name } }).lean();
      if (won) claimed.push(id);
      return undefined;
    },
  });
  return { work, claimed };
}

async function seed(queue: string, count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, (_, i) => `${queue}-${i}`);
  // what a writer does: remember the work, then write the documents, then die before running any of it
  await new MongoDueList(due, { queue }).add(ids, T0, T0);
  await items.insertMany(ids.map((_id) => ({ _id, status: 'due' })));
  return ids;
}

describe('due work on the MongoDB-protocol server', () => {
  it('two replicas sweeping the same bucket do each piece of work exactly once, and the list is empty after', async () => {
    const ids = await seed('pair', 60);
    const a = replica('a', 'pair', () => afterBucket);
    const b = replica('b', 'pair', () => afterBucket);
    await Promise.all([a.work.sweepOnce(), b.work.sweepOnce()]);
    expect([...a.claimed, ...b.claimed].sort()).toEqual([...ids].sort());
    expect(await items.countDocuments({ status: 'done' })).toBeGreaterThanOrEqual(60);
    expect(await due.findById('pair|index').lean()).toMatchObject({ buckets: [] });
    expect(await due.countDocuments({ queue: 'pair', ids: { $exists: true } })).toBe(0);
  });

  it('a replica killed mid-round leaves its bucket; the next sweep elsewhere finishes the rest, nothing twice', async () => {
    const ids = await seed('crash', 30);
    let seen = 0;
    const killed = replica('killed', 'crash', () => afterBucket, async () => {
      seen += 1;
      if (seen > 10) await new Promise(() => {}); // the process dies here: this round never ends
    });
    void killed.work.sweepOnce();
    while (killed.claimed.length < 10) await new Promise((r) => setTimeout(r, 20));
    expect(await due.findById('crash|index').lean()).toMatchObject({ buckets: [T0.getTime()] }); // not settled

    const survivor = replica('survivor', 'crash', () => new Date(afterBucket.getTime() + 60_000));
    expect(await survivor.work.sweepOnce()).toBe(30);
    expect(survivor.claimed).toHaveLength(20);
    expect(new Set([...killed.claimed, ...survivor.claimed])).toEqual(new Set(ids));
    expect(await due.findById('crash|index').lean()).toMatchObject({ buckets: [] });
  });
});
