import { EventEnvelope } from '@civicflow/contracts';
import { OutboxRelay, OutboxSource } from './outbox-relay';

const event = (id: string) => ({ id, type: 'hotline.call-logged', version: 1 }) as EventEnvelope;

class FakeSource implements OutboxSource {
  readonly sent: string[] = [];
  readonly asked: Date[] = [];
  constructor(readonly name: string, private readonly items: Array<{ docId: string; event: EventEnvelope }>) {}
  async pending(storedBefore: Date, limit: number) {
    this.asked.push(storedBefore);
    return this.items.filter((i) => !this.sent.includes(i.docId)).slice(0, limit);
  }
  async markSent(docIds: string[]) {
    this.sent.push(...docIds);
  }
}

describe('OutboxRelay', () => {
  const now = new Date('2026-11-30T08:00:00Z');

  it('sends what each source left pending in one batch per source, then marks it sent', async () => {
    const calls = new FakeSource('calls', [{ docId: 'c1', event: event('c1:logged') }, { docId: 'c2', event: event('c2:logged') }]);
    const callbacks = new FakeSource('callbacks', [{ docId: 'k1', event: event('k1:callback-recorded') }]);
    const batches: string[][] = [];
    const relay = new OutboxRelay([calls, callbacks], { publishAll: async (events) => void batches.push(events.map((e) => e.id)) }, { graceMs: 10_000, batchSize: 100 });

    expect(await relay.relayOnce(now)).toEqual({ calls: 2, callbacks: 1 });
    expect(batches).toEqual([['c1:logged', 'c2:logged'], ['k1:callback-recorded']]);
    expect(calls.sent).toEqual(['c1', 'c2']);
    expect(calls.asked[0]).toEqual(new Date('2026-11-30T07:59:50Z'));
    expect(await relay.relayOnce(now)).toEqual({ calls: 0, callbacks: 0 });
  });

  it('marks nothing sent when the send fails, so the next round tries again', async () => {
    const calls = new FakeSource('calls', [{ docId: 'c1', event: event('c1:logged') }]);
    let up = false;
    const relay = new OutboxRelay([calls], { publishAll: async () => { if (!up) throw new Error('broker down'); } }, { graceMs: 0, batchSize: 10 });
    await expect(relay.relayOnce(now)).rejects.toThrow('broker down');
    expect(calls.sent).toEqual([]);
    up = true;
    expect(await relay.relayOnce(now)).toEqual({ calls: 1 });
    expect(calls.sent).toEqual(['c1']);
  });
});
