import { callLoggedV1, caseRegisteredV1, caseResolvedV1, duplicateMergedV1, EventContract, EventData, manualDispatchQueuedV1 } from '@civicflow/contracts';
import { buildEvent } from '@civicflow/platform';
import { ManualClock } from '../../clock/clock';
import { ChannelName } from '../../channels/notification-channel';
import { RecipientResolver } from '../../recipients/recipient-resolver';
import { FakeDirectory, InMemoryCaseFacts } from '../../testing/fakes';
import { InMemoryDeliveryStore } from '../in-memory-delivery-store';
import { parseQuietHours } from '../quiet-hours';
import { PlanDeliveriesUseCase } from './plan-deliveries.usecase';

const event = <C extends EventContract>(contract: C, key: string, data: EventData<C>, id?: string) =>
  buildEvent(contract, 'test', { key, correlationId: key, data, id });

const CASE = '20260310-000042';
const ORG_PATH = ['bf', 'bf-d01', 'bf-d01-s01', 'bf-d01-s01-c01', 'bf-d01-s01-c01-g01'];

function setup(options: { quietHours?: string; channels?: ChannelName[]; at?: string } = {}) {
  const directory = new FakeDirectory()
    .addUser({ userId: 'liu', name: '刘社区', role: 'community-handler', unitId: 'bf-d01-s01-c01' })
    .addUser({ userId: 'ma', name: '马社区', role: 'community-handler', unitId: 'bf-d01-s01-c01', locale: 'en', email: 'ma@example.gov.cn' })
    .addUser({ userId: 'li', name: '李派单', role: 'dispatcher', unitId: 'bf' })
    .addCitizen({ citizenRef: 'caller-hash-1', phone: '13900001111', wechatOpenId: 'oWx-1' })
    .addCitizen({ citizenRef: 'caller-hash-2', phone: '13900002222', locale: 'en' });
  directory.units.set('bf-d01-s01-c01', { zh: '阳光社区', en: 'Yangguang Community' });
  const cases = new InMemoryCaseFacts();
  const store = new InMemoryDeliveryStore();
  const clock = new ManualClock(options.at ?? '2026-03-10T10:00:00+08:00');
  const plan = new PlanDeliveriesUseCase(new RecipientResolver(directory, cases), directory, cases, store, clock, {
    cityUnitId: 'bf',
    defaultLocale: 'zh-CN',
    quietHours: parseQuietHours(options.quietHours ?? '22:00-07:00'),
    enabledChannels: new Set(options.channels ?? ['inbox', 'sms', 'wechat']),
  });
  return { plan, store, cases, clock, directory };
}

const registered = (overrides: Partial<EventData<typeof caseRegisteredV1>> = {}) => {
  const caseNumber = overrides.caseNumber ?? CASE;
  return event(caseRegisteredV1, caseNumber, {
    caseNumber, channel: 'hotline', sourceRef: 'call-1', requestType: 'complaint', urgency: 'normal', categoryCode: '0501',
    intakeStatus: 'routed', orgPath: ORG_PATH, registeredAt: '2026-03-10T02:00:00Z', ...overrides,
  }, `${caseNumber}:registered`); // the workflow's deterministic id: a redelivery is the same event
};

describe('planning deliveries from events', () => {
  it('case.registered: the caller of the hotline call gets an SMS and a WeChat message, in Chinese', async () => {
    const { plan, cases } = setup();
    await plan.execute(event(callLoggedV1, 'call-1', {
      callId: 'call-1', receivedAt: '2026-03-10T01:59:00Z', callerRef: 'caller-hash-1', callerMasked: '139****1111',
      content: '路灯不亮', requestType: 'complaint', urgency: 'normal',
    }));
    const planned = await plan.execute(registered());
    expect(planned.map((d) => [d.channel, d.recipient.id, d.status])).toEqual([
      ['sms', 'caller-hash-1', 'pending'],
      ['wechat', 'caller-hash-1', 'pending'],
    ]);
    expect(planned[0]).toMatchObject({ id: `${CASE}:registered|citizen:caller-hash-1|sms`, caseNumber: CASE, template: 'case-registered.citizen', locale: 'zh-CN', urgent: false });
    expect(planned[0].message.sms).toContain('将由阳光社区办理');
    expect((await cases.get(CASE))?.reporterRefs).toEqual(['caller-hash-1']);
  });

  it('is idempotent: the same event again plans nothing new', async () => {
    const { plan, store } = setup();
    expect(await plan.execute(registered())).toHaveLength(1); // caller unknown yet: one SMS delivery to the source
    expect(await plan.execute(registered())).toEqual([]);
    expect(store.byId.size).toBe(1);
  });

  it('plans an SMS to a caller not yet known, to be resolved when sent', async () => {
    const { plan } = setup();
    const [only] = await plan.execute(registered());
    expect(only).toMatchObject({ channel: 'sms', recipient: { kind: 'citizen', id: 'source:hotline:call-1' } });
  });

  it('tells no one about a call answered on the spot (一次办结)', async () => {
    const { plan } = setup();
    expect(await plan.execute(registered({ intakeStatus: 'closed' }))).toEqual([]);
  });

  it('holds non-urgent SMS and WeChat in quiet hours, lets urgent ones through', async () => {
    const night = setup({ at: '2026-03-10T23:30:00+08:00' });
    await night.cases.recordSource('hotline', 'call-1', 'caller-hash-1');
    const held = await night.plan.execute(registered());
    expect(held.map((d) => d.status)).toEqual(['held-for-quiet-hours', 'held-for-quiet-hours']);
    expect(held[0].nextAttemptAt).toEqual(new Date('2026-03-11T07:00:00+08:00'));

    const urgent = await night.plan.execute(registered({ caseNumber: '20260310-000043', urgency: 'urgent' }));
    expect(urgent.map((d) => [d.status, d.urgent])).toEqual([['pending', true], ['pending', true]]);
  });

  it('intake.duplicate-merged: the extra reporter hears which case they joined, and is remembered for the outcome', async () => {
    const { plan, cases } = setup();
    await cases.recordCase(CASE, { categoryCode: '0501' });
    await cases.addReporter(CASE, 'caller-hash-1');
    const planned = await plan.execute(event(duplicateMergedV1, CASE, {
      masterCaseNumber: CASE, channel: 'hotline', sourceRef: 'call-2', reporterRef: 'caller-hash-2', distanceMeters: 40,
    }));
    expect(planned.map((d) => [d.channel, d.recipient.id, d.locale])).toEqual([['sms', 'caller-hash-2', 'en']]);
    expect(planned[0].message.sms).toBe(`Your report joined case ${CASE} (same problem already reported). You will hear the outcome.`);
    expect((await cases.get(CASE))?.reporterRefs).toEqual(['caller-hash-1', 'caller-hash-2']);
  });

  it('case.resolved: every reporter by SMS, and the handling community\'s users in their inbox', async () => {
    const { plan, cases } = setup({ channels: ['inbox', 'sms', 'wechat', 'email'] });
    await cases.recordCase(CASE, { categoryCode: '0501', orgPath: ORG_PATH });
    await cases.addReporter(CASE, 'caller-hash-1');
    await cases.addReporter(CASE, 'caller-hash-2');
    const planned = await plan.execute(event(caseResolvedV1, CASE, {
      caseNumber: CASE, resolvedAt: '2026-03-11T02:00:00Z', level: 'community', unitId: 'bf-d01-s01-c01',
      summary: '已更换灯头，恢复照明', callbackDueAt: '2026-03-12T02:00:00Z',
    }));
    expect(planned.map((d) => `${d.recipient.kind}:${d.recipient.id}:${d.channel}`)).toEqual([
      'citizen:caller-hash-1:sms', 'citizen:caller-hash-1:wechat', 'citizen:caller-hash-2:sms',
      'user:liu:inbox', 'user:ma:inbox', 'user:ma:email',
    ]);
    const liu = planned.find((d) => d.recipient.id === 'liu')!;
    expect(liu.message.title).toBe(`案件已办结 ${CASE}`);
    expect(planned.find((d) => d.recipient.id === 'ma')!.message.title).toBe(`Case resolved: ${CASE}`);
  });

  it('intake.manual-dispatch-queued: the city\'s dispatchers, in their inbox only', async () => {
    const { plan } = setup();
    const planned = await plan.execute(event(manualDispatchQueuedV1, CASE, { caseNumber: CASE, reason: 'outside-every-grid' }));
    expect(planned.map((d) => `${d.recipient.id}:${d.channel}:${d.status}`)).toEqual(['li:inbox:pending']);
    expect(planned[0].message.body).toContain('位置不在任何网格内');
  });

  it('leaves out channels that are not configured or that the recipient cannot be reached on', async () => {
    const { plan, cases } = setup({ channels: ['inbox', 'sms'] });
    await cases.recordSource('hotline', 'call-1', 'caller-hash-1');
    expect((await plan.execute(registered())).map((d) => d.channel)).toEqual(['sms']); // no WeChat channel configured
  });
});
