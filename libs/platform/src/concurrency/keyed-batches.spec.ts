import { KeyedBatches } from './keyed-batches';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('KeyedBatches', () => {
  it('writes what arrives during a write in the next one, one write per key at a time, other keys alongside', async () => {
    const writes: string[][] = [];
    let inFlight = 0;
    let most = 0;
    const batches = new KeyedBatches<string>(async (key, items) => {
      inFlight += key === 'a' ? 1 : 0;
      most = Math.max(most, inFlight);
      writes.push([key, ...items]);
      await tick(20);
      inFlight -= key === 'a' ? 1 : 0;
    });
    const first = batches.add('a', 'a1');
    await tick(5); // a1's write has started: these three wait for it, and go together
    const rest = [batches.add('a', 'a2'), batches.add('b', 'b1'), batches.add('a', 'a3', 'a4'), batches.add('a', 'a5')];
    await Promise.all([first, ...rest]);
    expect(writes).toEqual([['a', 'a1'], ['b', 'b1'], ['a', 'a2', 'a3', 'a4', 'a5']]);
    expect(most).toBe(1);
  });

  it('fails every item of a failed write, and writes later items afresh', async () => {
    let fail = true;
    const written: string[] = [];
    const batches = new KeyedBatches<string>(async (_key, items) => {
      await tick(10);
      if (fail) throw new Error('store away');
      written.push(...items);
    });
    const failed = batches.add('a', 'a1');
    await tick(2);
    const alsoFailed = batches.add('a', 'a2'); // waits behind a1, written in the next write: still fails
    await expect(failed).rejects.toThrow('store away');
    fail = false;
    await expect(alsoFailed).resolves.toBeUndefined();
    await batches.add('a', 'a3');
    expect(written).toEqual(['a2', 'a3']);
  });
});
