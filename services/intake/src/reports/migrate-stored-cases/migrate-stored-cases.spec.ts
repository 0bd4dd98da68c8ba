import { reportsOfStoredCase, StoredCaseV0 } from './migrate-stored-cases';

const registeredAt = new Date('2026-11-28T02:00:00Z');
const old: StoredCaseV0 = {
  _id: '20261128-000052',
  channel: 'hotline',
  sourceRef: 'call-1',
  requestType: 'complaint',
  urgency: 'normal',
  priority: 'normal',
  categoryCode: '0205',
  slaProfile: 'standard',
  department: 'urban-management',
  isDispute: false,
  content: '下水道堵了',
  location: { lng: 109.8, lat: 40.5 },
  photos: [],
  status: 'routed',
  routing: { method: 'point', gridId: 'g1', gridName: '第1网格', communityId: 'c1', communityName: '锦华社区', streetId: 's1', streetName: '友谊路街道', districtId: 'd1' },
  orgPath: ['bf', 'd1', 's1', 'c1', 'g1'],
  reporters: [
    { channel: 'hotline', sourceRef: 'call-1', reporterRef: 'caller-a', reportedAt: registeredAt },
    { channel: 'app', sourceRef: 'app/r-2', reporterRef: 'app:b', reportedAt: new Date('2026-11-28T03:00:00Z') },
  ],
  registeredAt,
  correlationId: 'corr-1',
};

describe('a stored case of the old shape, as reports', () => {
  it('becomes its first report (handed over, routed as before), the reports merged into it, and its claimed number', () => {
    const { first, joined, number } = reportsOfStoredCase(old);
    expect(first).toMatchObject({
      _id: 'hotline:call-1', caseNumber: old._id, content: '下水道堵了', reporterRef: 'caller-a', receivedAt: registeredAt, handedOverAt: registeredAt,
      routing: { gridId: 'g1', orgPath: ['bf', 'd1', 's1', 'c1', 'g1'] },
    });
    expect(first).not.toHaveProperty('status');
    expect(joined).toEqual([expect.objectContaining({ _id: 'app:app/r-2', caseNumber: old._id, merged: { at: new Date('2026-11-28T03:00:00Z') }, reporterRef: 'app:b' })]);
    expect(number).toEqual({ _id: old._id, source: 'hotline:call-1', claimedAt: registeredAt, joined: ['app:app/r-2'] });
  });

  it('keeps why an unrouted case waits, and an answer given on the call', () => {
    const { first } = reportsOfStoredCase({ ...old, status: 'manual-queue', manualQueueReason: 'outside-every-grid', routing: undefined, orgPath: [] });
    expect(first).toMatchObject({ unroutedReason: 'outside-every-grid' });
    expect(first.routing).toBeUndefined();
    const answered = reportsOfStoredCase({ ...old, status: 'closed', answeredDirectly: { articleId: 'k1', answer: '周一至周五 9:00–17:00' }, routing: undefined });
    expect(answered.first.answeredDirectly).toEqual({ articleId: 'k1', answer: '周一至周五 9:00–17:00' });
  });
});
