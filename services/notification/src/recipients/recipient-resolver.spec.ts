import { FakeDirectory, InMemoryCaseFacts } from '../testing/fakes';
import { sourceRef } from './recipient';
import { RecipientResolver } from './recipient-resolver';

describe('recipient resolution', () => {
  const directory = new FakeDirectory()
    .addUser({ userId: 'liu', name: '刘社区', role: 'community-handler', unitId: 'bf-d01-s01-c01', email: 'liu@example.gov.cn' })
    .addUser({ userId: 'ma', name: '马社区', role: 'community-handler', unitId: 'bf-d01-s01-c01', locale: 'en' })
    .addUser({ userId: 'old', name: '离职', role: 'community-handler', unitId: 'bf-d01-s01-c01', active: false })
    .addUser({ userId: 'next-door', name: '邻社区', role: 'community-handler', unitId: 'bf-d01-s01-c02' })
    .addUser({ userId: 'zhou', name: '周督查', role: 'supervisor', unitId: 'bf' })
    .addCitizen({ citizenRef: 'caller-hash-1', phone: '13900001111', wechatOpenId: 'oWx-1' })
    .addCitizen({ citizenRef: 'caller-hash-2', phone: '13900002222', locale: 'en' });
  const cases = new InMemoryCaseFacts();
  const resolver = new RecipientResolver(directory, cases);

  it('addresses users by role and unit: exactly that unit, active users only', async () => {
    const handlers = await resolver.resolve({ kind: 'role', role: 'community-handler', unitId: 'bf-d01-s01-c01' });
    expect(handlers.map((r) => r.id)).toEqual(['liu', 'ma']);
    expect(handlers[1]).toMatchObject({ kind: 'user', locale: 'en' });
    expect((await resolver.resolve({ kind: 'role', role: 'supervisor', unitId: 'bf' })).map((r) => r.id)).toEqual(['zhou']);
    expect(await resolver.resolve({ kind: 'role', role: 'supervisor', unitId: 'bf-d01' })).toEqual([]);
  });

  it('turns a call into its caller once the call-logged event has been seen', async () => {
    const before = await resolver.resolve({ kind: 'citizen', citizenRef: sourceRef('hotline', 'call-9') });
    expect(before).toEqual([{ kind: 'citizen', id: 'source:hotline:call-9', locale: undefined, contact: {} }]);
    expect(await resolver.addressFor(before[0], 'sms')).toBeUndefined();

    await cases.recordSource('hotline', 'call-9', 'caller-hash-1');
    const [after] = await resolver.resolve({ kind: 'citizen', citizenRef: sourceRef('hotline', 'call-9') });
    expect(after).toMatchObject({ id: 'caller-hash-1', contact: { phone: '13900001111', wechatOpenId: 'oWx-1' } });
    // a delivery planned before the caller was known still finds the number when it is sent
    expect(await resolver.addressFor(before[0], 'sms')).toBe('13900001111');
  });

  it('reaches every reporter of a case once, merged duplicates included', async () => {
    await cases.recordSource('hotline', 'call-10', 'caller-hash-1');
    await cases.addReporter('20260310-000042', 'caller-hash-1');
    await cases.addReporter('20260310-000042', sourceRef('hotline', 'call-10')); // the same caller, a second call
    await cases.addReporter('20260310-000042', 'caller-hash-2');
    const reporters = await resolver.resolve({ kind: 'case-reporters', caseNumber: '20260310-000042' });
    expect(reporters.map((r) => r.id)).toEqual(['caller-hash-1', 'caller-hash-2']);
    expect(await resolver.resolve({ kind: 'case-reporters', caseNumber: '20260310-999999' })).toEqual([]);
  });

  it('gives the address each channel needs', async () => {
    expect(await resolver.addressFor({ kind: 'user', id: 'liu' }, 'inbox')).toBe('liu');
    expect(await resolver.addressFor({ kind: 'user', id: 'liu' }, 'email')).toBe('liu@example.gov.cn');
    expect(await resolver.addressFor({ kind: 'user', id: 'liu' }, 'sms')).toBeUndefined();
    expect(await resolver.addressFor({ kind: 'citizen', id: 'caller-hash-1' }, 'wechat')).toBe('oWx-1');
    expect(await resolver.addressFor({ kind: 'citizen', id: 'caller-hash-1' }, 'inbox')).toBeUndefined();
  });
});
