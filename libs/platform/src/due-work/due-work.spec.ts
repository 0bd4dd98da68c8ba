import { InMemoryDueList } from './due-list';
import { DueWork } from './due-work';

const T0 = new Date('2026-12-07T08:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

/** A clock the test moves; DueWork's timers are not used (horizon 0), so nothing runs behind the test's back. */
function setup(handle: (id: string) => Promise<Date | undefined>, options: { backfill?: () => Promise<Array<{ id: string; dueAt: Date }>> } = {}) {
  let now = T0;
  const list = new InMemoryDueList(10_000, 5_000);
  const work = new DueWork({ name: 'test', list, handle, now: () => now, sweepMs: 30_000, horizonMs: 0, retryMs: 60_000, ...options });
  return { list, work, move: (ms: number) => (now = at(ms)) };
}

describe('DueWork', () => {
  it('runs handed-over work at once; the sweep looks at it again after its bucket and then forgets it', async () => {
    const handled: string[] = [];
    const { list, work, move } = setup(async (id) => void handled.push(id));
    await work.remember(['a', 'b']);
    await work.run(['a', 'b']);
    expect(handled).toEqual(['a', 'b']);
    move(14_999);
    expect(await work.sweepOnce()).toBe(0); // the bucket [0, 10 s) is ready 5 s after it ends
    move(15_000);
    expect(await work.sweepOnce()).toBe(2);
    expect(handled).toEqual(['a', 'b', 'a', 'b']);
    expect(list.ids()).toEqual([]);
  });

  it('finds the work a dead process left: remembered, never run here', async () => {
    const handled: string[] = [];
    const { work, move } = setup(async (id) => void handled.push(id));
    await work.remember(['left-behind']);
    move(20_000);
    await work.sweepOnce();
    expect(handled).toEqual(['left-behind']);
  });

  it('remembers work that must come back later in the bucket of that time', async () => {
    const tries = new Map<string, number>();
    const { list, work, move } = setup(async (id) => {
      tries.set(id, (tries.get(id) ?? 0) + 1);
      return tries.get(id)! < 2 ? at(45_000) : undefined; // the first try fails, the next is due at 45 s
    });
    await work.remember(['x']);
    move(15_000);
    await work.sweepOnce();
    expect([...list.buckets.keys()]).toEqual([40_000 + T0.getTime()]);
    move(50_000);
    expect(await work.sweepOnce()).toBe(0); // 45 s falls in [40, 50): ready at 55 s
    move(55_000);
    await work.sweepOnce();
    expect(tries.get('x')).toBe(2);
    expect(list.ids()).toEqual([]);
  });

  it('keeps a bucket when its work cannot be remembered for later, so the next sweep tries again', async () => {
    const { list, work, move } = setup(async () => at(100_000));
    await work.remember(['y']);
    move(15_000);
    const add = list.add.bind(list);
    list.add = async () => {
      throw new Error('store away');
    };
    await work.sweepOnce();
    expect(list.buckets.get(T0.getTime())).toEqual(new Set(['y']));
    list.add = add;
    await work.sweepOnce();
    expect(list.buckets.has(T0.getTime())).toBe(false);
    expect(list.ids()).toEqual(['y']);
  });

  it('a handler that throws is looked at again after retryMs', async () => {
    let fail = true;
    const handled: string[] = [];
    const { list, work, move } = setup(async (id) => {
      if (fail) throw new Error('provider down');
      handled.push(id);
      return undefined;
    });
    await work.remember(['z']);
    move(15_000);
    await work.sweepOnce();
    expect(list.ids()).toEqual(['z']); // now due at 75 s
    fail = false;
    move(85_000);
    await work.sweepOnce();
    expect(handled).toEqual(['z']);
    expect(list.ids()).toEqual([]);
  });

  it('handles an id once at a time, and at most `concurrency` ids at once', async () => {
    let active = 0;
    let peak = 0;
    let calls = 0;
    const release: Array<() => void> = [];
    const list = new InMemoryDueList();
    const work = new DueWork({
      name: 'test', list, concurrency: 2, handle: async () => {
        calls += 1;
        active += 1;
        peak = Math.max(peak, active);
        await new Promise<void>((resolve) => release.push(resolve));
        active -= 1;
        return undefined;
      },
    });
    const running = Promise.all([work.run(['a', 'b', 'c']), work.run(['a'])]);
    while (release.length < 2) await new Promise((r) => setImmediate(r));
    while (release.length > 0) {
      release.shift()!();
      await new Promise((r) => setImmediate(r));
    }
    await running;
    expect(peak).toBe(2);
    expect(calls).toBe(3); // 'a' twice at once is one run
  });

  it('on its first start remembers what the backfill finds, once', async () => {
    const handled: string[] = [];
    let scans = 0;
    const { work, list, move } = setup(async (id) => void handled.push(id), {
      backfill: async () => {
        scans += 1;
        return [{ id: 'old-1', dueAt: at(0) }, { id: 'old-2', dueAt: at(3_600_000) }];
      },
    });
    await work.start();
    try {
      expect(scans).toBe(1);
      expect(list.ids().sort()).toEqual(['old-1', 'old-2']);
      await work.sweepOnce(); // the start's own catch-up sweep (nothing ready at T0)
      move(15_000);
      await work.sweepOnce();
      expect(handled).toEqual(['old-1']);
      expect(await list.initialised()).toBe(true);
    } finally {
      await work.stop();
    }
    await work.start();
    await work.stop();
    expect(scans).toBe(1);
  });
});
