import { EventContract, EventEnvelope } from '@civicflow/contracts';
import { EventDraft } from '@civicflow/platform';
import { Delivery } from '../delivery';
import { InMemoryDeliveryStore } from '../in-memory-delivery-store';
import { DeliveryOutcomePublisher } from './delivery-outcome-publisher';

const now = new Date('2026-03-10T02:00:00Z');
const delivery = (id: string, overrides: Partial<Delivery>): Delivery => ({
  id, eventId: 'evt-1', eventType: 'case.resolved', caseNumber: '20260310-000042', template: 'case-resolved.citizen', channel: 'sms',
  recipient: { kind: 'citizen', id: 'caller-hash-1' }, locale: 'zh-CN', urgent: false, message: { title: 't', body: 'b', sms: 's', fields: {} },
  status: 'sent', attempts: 1, createdAt: now, updatedAt: now, sentAt: now, outcomePending: true, ...overrides,
});

/** Stand-ins for the catalog entries of libs/contracts/src/notification (a fake build() never validates). */
const registered = (type: string) => ({ type, version: 1 }) as EventContract;

function fakePublisher() {
  const published: EventEnvelope[] = [];
  return {
    published,
    build: (c: EventContract, draft: EventDraft<EventContract>) =>
      ({ ...draft, type: c.type, version: c.version, id: draft.id!, time: now.toISOString(), source: 'notification' }) as EventEnvelope,
    publishAll: async (events: EventEnvelope[]) => {
      published.push(...events);
    },
  };
}

describe('delivery outcome publisher (outbox)', () => {
  it('announces each final status once, keyed by case, caused by the original event', async () => {
    const store = new InMemoryDeliveryStore();
    const deliveries = [
      delivery('evt-1|citizen:caller-hash-1|sms', {}),
      delivery('evt-1|citizen:caller-hash-2|sms', { recipient: { kind: 'citizen', id: 'caller-hash-2' }, status: 'failed', sentAt: undefined, failedAt: now, attempts: 5, lastError: 'HTTP 503' }),
      delivery('evt-1|citizen:caller-hash-3|sms', { status: 'pending', outcomePending: undefined }),
    ];
    await store.insertNew(deliveries);
    const publisher = fakePublisher();
    const outcomes = new DeliveryOutcomePublisher(store, publisher, registered);
    expect(await outcomes.publish(deliveries)).toBe(2);
    expect(publisher.published.map((e) => [e.type, e.key, e.causationId])).toEqual([
      ['notification.delivered', '20260310-000042', 'evt-1'],
      ['notification.failed', '20260310-000042', 'evt-1'],
    ]);
    expect(publisher.published[1].data).toMatchObject({ channel: 'sms', recipient: { kind: 'citizen', id: 'caller-hash-2' }, attempts: 5, error: 'HTTP 503' });
    expect((await store.get('evt-1|citizen:caller-hash-1|sms'))?.outcomePending).toBeUndefined(); // flags cleared
    expect((await store.get('evt-1|citizen:caller-hash-2|sms'))?.outcomePending).toBeUndefined();
  });

  it('keeps outcomes waiting while the contracts are not in the catalog', async () => {
    const store = new InMemoryDeliveryStore();
    const waiting = delivery('evt-1|user:u|inbox', { channel: 'inbox' });
    await store.insertNew([waiting]);
    const publisher = fakePublisher();
    expect(await new DeliveryOutcomePublisher(store, publisher, () => undefined).publish([waiting])).toBe(0);
    expect(publisher.published).toEqual([]);
    expect((await store.get(waiting.id))?.outcomePending).toBe(true);
  });
});
