import { ManualClock } from '../../clock/clock';
import { ChannelName, NotificationChannel } from '../../channels/notification-channel';
import { RecipientResolver } from '../../recipients/recipient-resolver';
import { FakeDirectory, InMemoryCaseFacts, ScriptedChannel } from '../../testing/fakes';
import { Delivery } from '../delivery';
import { InMemoryDeliveryStore } from '../in-memory-delivery-store';
import { parseQuietHours } from '../quiet-hours';
import { DeliverySender } from './delivery-sender';
import { InMemoryContactWaits } from './contact-waits';

const MINUTE = 60_000;

function setup(at = '2026-03-10T10:00:00+08:00') {
  const clock = new ManualClock(at);
  const store = new InMemoryDeliveryStore();
  const directory = new FakeDirectory()
    .addCitizen({ citizenRef: 'caller-hash-1', phone: '13900001111' })
    .addUser({ userId: 'liu', name: '刘社区', role: 'community-handler', unitId: 'bf-d01-s01-c01' });
  const sms = new ScriptedChannel('sms');
  const inbox = new ScriptedChannel('inbox');
  const channels = new Map<ChannelName, NotificationChannel>([['sms', sms], ['inbox', inbox]]);
  const contactWaits = new InMemoryContactWaits();
  const sender = new DeliverySender(store, channels, new RecipientResolver(directory, new InMemoryCaseFacts()), clock, {
    retry: { maxAttempts: 3, baseDelayMs: MINUTE, maxDelayMs: 10 * MINUTE },
    quietHours: parseQuietHours('22:00-07:00'),
    contactWaits,
  });
  const add = async (overrides: Partial<Delivery> = {}) => {
    const now = clock.now();
    const delivery: Delivery = {
      id: `evt-1|citizen:caller-hash-1|sms`, eventId: 'evt-1', eventType: 'case.registered', caseNumber: '20260310-000042',
      template: 'case-registered.citizen', channel: 'sms', recipient: { kind: 'citizen', id: 'caller-hash-1' }, locale: 'zh-CN', urgent: false,
      message: { title: 't', body: 'b', sms: '您反映的问题已受理', fields: {} },
      status: 'pending', attempts: 0, nextAttemptAt: now, createdAt: now, updatedAt: now, ...overrides,
    };
    await store.insertNew([delivery]);
    return delivery.id;
  };
  return { clock, store, sender, sms, inbox, add, directory, contactWaits };
}

describe('sending deliveries', () => {
  it('sends a due delivery to the address the directory gives, once', async () => {
    const { sender, sms, store, add } = setup();
    const id = await add();
    const step = await sender.deliver(id);
    const again = await sender.deliver(id); // e.g. the sweep: not sent twice, the unannounced outcome handed back
    expect(sms.sent.map((m) => [m.address, m.message.sms])).toEqual([['13900001111', '您反映的问题已受理']]);
    expect(await store.get(id)).toMatchObject({ status: 'sent', attempts: 1, providerMessageId: 'sms-1', outcomePending: true });
    expect(step).toEqual({ settled: await store.get(id) });
    expect(again).toEqual(step);
    await store.outcomePublished(id);
    expect(await sender.deliver(id)).toEqual({});
  });

  it('retries a failing channel with doubling waits, then marks the delivery failed', async () => {
    const { sender, sms, store, clock, add } = setup();
    sms.willAnswer({ ok: false, error: 'timeout' }, { ok: false, error: 'HTTP 503' }, { ok: false, error: 'HTTP 502' });
    const id = await add();

    expect(await sender.deliver(id)).toEqual({ again: new Date(clock.now().getTime() + MINUTE) });
    expect(await store.get(id)).toMatchObject({ status: 'pending', attempts: 1, lastError: 'timeout', nextAttemptAt: new Date(clock.now().getTime() + MINUTE) });

    clock.advance(MINUTE - 1);
    expect(await sender.deliver(id)).toEqual({ again: new Date(clock.now().getTime() + 1) }); // not due yet: come back then
    expect(sms.sent).toHaveLength(1);

    clock.advance(1);
    await sender.deliver(id);
    expect(await store.get(id)).toMatchObject({ status: 'pending', attempts: 2, lastError: 'HTTP 503', nextAttemptAt: new Date(clock.now().getTime() + 2 * MINUTE) });

    clock.advance(2 * MINUTE);
    expect((await sender.deliver(id)).settled).toMatchObject({ status: 'failed', outcomePending: true });
    const failed = await store.get(id);
    expect(failed).toMatchObject({ status: 'failed', attempts: 3, lastError: 'HTTP 502', failedAt: clock.now(), outcomePending: true });
    expect(failed?.nextAttemptAt).toBeUndefined();

    clock.advance(60 * MINUTE);
    await sender.deliver(id);
    expect(sms.sent).toHaveLength(3); // bounded: nothing more
  });

  it('fails at once when the channel says retrying cannot help', async () => {
    const { sender, sms, store, add } = setup();
    sms.willAnswer({ ok: false, error: 'isv.MOBILE_NUMBER_ILLEGAL', permanent: true });
    const id = await add();
    await sender.deliver(id);
    expect(await store.get(id)).toMatchObject({ status: 'failed', attempts: 1, lastError: 'isv.MOBILE_NUMBER_ILLEGAL' });
  });

  it('keeps trying while the citizen has no number on file, in case the hotline registers it', async () => {
    const { sender, sms, store, add } = setup();
    const id = await add({ id: 'evt-2|citizen:unknown|sms', recipient: { kind: 'citizen', id: 'unknown' } });
    await sender.deliver(id);
    expect(sms.sent).toHaveLength(0);
    expect(await store.get(id)).toMatchObject({ status: 'pending', attempts: 1, lastError: 'no phone number on file for citizen unknown' });
  });

  it('a citizen without a number waits for the contact: written down under the citizen, due at once when it comes', async () => {
    const { sender, sms, store, add, directory, contactWaits, clock } = setup();
    const id = await add({ id: 'evt-3|citizen:late|sms', recipient: { kind: 'citizen', id: 'late' } });
    expect(await sender.deliver(id)).toEqual({ again: new Date(clock.now().getTime() + MINUTE) });
    expect([...(contactWaits.byCitizen.get('late') ?? [])]).toEqual([id]);
    // the hotline's registration arrives: the directory write takes the waiting list and makes the delivery due now
    directory.addCitizen({ citizenRef: 'late', phone: '13900003333' });
    expect(await contactWaits.take('late')).toEqual([id]);
    expect(await store.dueNow(id, clock.now())).toBe(true);
    expect(await store.dueNow(id, clock.now())).toBe(false); // already due: nothing to move
    await sender.deliver(id);
    expect(sms.sent.map((m) => m.address)).toEqual(['13900003333']);
    expect(await contactWaits.take('late')).toEqual([]); // handed over once
  });

  it('a waiting list lives only while its deliveries are pending: one sent by a retry, or failed, leaves it, and the empty list goes', async () => {
    const { sender, sms, add, directory, contactWaits, clock } = setup();
    const found = await add({ id: 'evt-5|citizen:slow|sms', recipient: { kind: 'citizen', id: 'slow' } });
    const never = await add({ id: 'evt-6|citizen:slow|sms', recipient: { kind: 'citizen', id: 'slow' } });
    await sender.deliver(found);
    await sender.deliver(never);
    expect([...contactWaits.byCitizen.get('slow')!]).toEqual([found, never]);
    // the number is written where no waiting list is taken (another instance's directory): the retry finds it
    directory.addCitizen({ citizenRef: 'slow', phone: '13900005555' });
    clock.advance(MINUTE);
    sms.willAnswer({ ok: true });
    sms.willAnswer({ ok: false, error: 'rejected number', permanent: true });
    await sender.deliver(found);
    expect([...contactWaits.byCitizen.get('slow')!]).toEqual([never]);
    await sender.deliver(never);
    expect(contactWaits.byCitizen.has('slow')).toBe(false);
  });

  it('a delivery whose first attempt found the number touches no waiting list', async () => {
    const { sender, add, contactWaits } = setup();
    const forget = jest.spyOn(contactWaits, 'forget');
    await sender.deliver(await add());
    expect(forget).not.toHaveBeenCalled();
  });

  it('a contact written between the first read and the wait is not missed: the directory is read again', async () => {
    const { sender, sms, add, directory, contactWaits } = setup();
    const id = await add({ id: 'evt-4|citizen:racing|sms', recipient: { kind: 'citizen', id: 'racing' } });
    const wait = contactWaits.add.bind(contactWaits);
    contactWaits.add = async (ref, deliveryId) => {
      directory.addCitizen({ citizenRef: 'racing', phone: '13900004444' }); // the registration lands right here
      await wait(ref, deliveryId);
    };
    await sender.deliver(id);
    expect(sms.sent.map((m) => m.address)).toEqual(['13900004444']);
  });

  it('records a throwing channel as a failed attempt instead of throwing', async () => {
    const { sender, store, add } = setup();
    const broken: NotificationChannel = { name: 'sms', send: () => Promise.reject(new Error('socket hang up')) };
    const id = await add();
    await new DeliverySender(store, new Map([['sms', broken]]), (sender as unknown as { recipients: RecipientResolver }).recipients, new ManualClock('2026-03-10T10:00:00+08:00'), {
      retry: { maxAttempts: 3, baseDelayMs: MINUTE, maxDelayMs: MINUTE },
    }).deliver(id);
    expect(await store.get(id)).toMatchObject({ status: 'pending', attempts: 1, lastError: 'socket hang up' });
  });

  it('holds a retry that falls due at night until the morning, then sends it', async () => {
    const { sender, sms, store, clock, add } = setup('2026-03-10T21:59:00+08:00');
    sms.willAnswer({ ok: false, error: 'HTTP 503' });
    const id = await add();
    await sender.deliver(id); // 21:59, fails; next attempt at 22:00
    clock.set('2026-03-10T22:00:00+08:00');
    expect(await sender.deliver(id)).toEqual({ again: new Date('2026-03-11T07:00:00+08:00') });
    expect(await store.get(id)).toMatchObject({ status: 'held-for-quiet-hours', attempts: 1, nextAttemptAt: new Date('2026-03-11T07:00:00+08:00') });

    clock.set('2026-03-11T06:59:59+08:00');
    await sender.deliver(id);
    expect(sms.sent).toHaveLength(1);

    clock.set('2026-03-11T07:00:00+08:00');
    await sender.deliver(id);
    expect(await store.get(id)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('never holds urgent messages or the inbox', async () => {
    const { sender, sms, inbox, store, add } = setup('2026-03-10T23:30:00+08:00');
    const urgent = await add({ urgent: true });
    const inboxItem = await add({ id: 'evt-1|user:liu|inbox', channel: 'inbox', recipient: { kind: 'user', id: 'liu' } });
    await sender.deliver(urgent);
    await sender.deliver(inboxItem);
    expect(sms.sent).toHaveLength(1);
    expect(inbox.sent.map((m) => m.address)).toEqual(['liu']);
    expect((await store.get(urgent))?.status).toBe('sent');
    expect((await store.get(inboxItem))?.status).toBe('sent');
  });

  it('does not send what another instance has claimed', async () => {
    const { sender, sms, store, clock, add } = setup();
    const id = await add();
    expect(await store.claim(id, clock.now(), new Date(clock.now().getTime() + MINUTE))).toBeDefined();
    expect(await sender.deliver(id)).toEqual({ again: new Date(clock.now().getTime() + MINUTE) }); // when its lease ends
    expect(sms.sent).toHaveLength(0);
  });
});
