import type { EventEnvelope } from '@civicflow/contracts';
import type { DisputeDoc } from '../disputes/dispute';
import { applyMediationEvent } from './mediation-projection';

type DisputeState = DisputeDoc;
const disputeId = 'tj-20261128-000042';

function event(type: string, minute: number, data: Record<string, unknown>): EventEnvelope {
  const occurredAt = `2026-11-28T09:${String(minute).padStart(2, '0')}:00.000Z`;
  return { id: `${disputeId}:${type}:${minute}`, type, version: 1, time: occurredAt, key: disputeId, source: 'workflows', correlationId: 'c', data: { disputeId, occurredAt, ...data } };
}

const reduce = (state: DisputeState, events: EventEnvelope[]) => events.reduce((s, e) => applyMediationEvent(s, e) ?? s, state);
const openedEvent = event('mediation.dispute-opened', 0, {
  caseNumber: '20261128-000042', disputeType: 'neighbour', communityId: 'bf-d01-s01-c01', origin: 'case', categoryCode: '1601', summary: '邻里纠纷（案件 20261128-000042）',
  streetId: 'bf-d01-s01', districtId: 'bf-d01', orgPath: ['bf', 'bf-d01', 'bf-d01-s01', 'bf-d01-s01-c01'], openedBy: { userId: 'case-workflow', role: 'system' },
});
const opened = applyMediationEvent(null, openedEvent)!;

const assigned = event('mediation.mediator-assigned', 1, { mediatorId: 'mediator', committeeId: 'cmte-bf-d01-s01-c01', level: 'community' });
const terms = [
  { party: '李强', partyId: 'p2', obligation: '修复防水', dueAt: '2026-12-05T16:00:00.000Z', kept: null, followedUpAt: null, note: null },
  { party: '李强', partyId: 'p2', obligation: '赔偿1800元', dueAt: '2026-12-10T16:00:00.000Z', kept: null, followedUpAt: null, note: null },
];
const withAgreement = (s: DisputeState): DisputeState => ({
  ...s, agreement: { agreementId: 'a1', terms, reachedAt: '2026-11-28T09:05:00.000Z', reachedBy: { userId: 'mediator', name: '陈调解' }, committeeId: 'cmte-bf-d01-s01-c01', level: 'community' },
});

describe('mediation read model', () => {
  it('is created by mediation.dispute-opened with the record it was opened with, and by nothing else', () => {
    expect(opened).toMatchObject({
      _id: disputeId, caseNumber: '20261128-000042', origin: 'case', categoryCode: '1601', disputeType: 'neighbour', summary: '邻里纠纷（案件 20261128-000042）',
      communityId: 'bf-d01-s01-c01', streetId: 'bf-d01-s01', districtId: 'bf-d01', orgPath: ['bf', 'bf-d01', 'bf-d01-s01', 'bf-d01-s01-c01'],
      stage: 'awaiting-mediator', level: 'community', assignmentPending: true, openedAt: new Date('2026-11-28T09:00:00.000Z'), openedBy: { userId: 'case-workflow', role: 'system' }, correlationId: 'c',
    });
    expect(applyMediationEvent(null, assigned)).toBeUndefined();
  });

  it('takes the agreement, its signer and each term’s party from mediation.agreement-reached', () => {
    const mediating = reduce(opened, [assigned]);
    const reached = event('mediation.agreement-reached', 5, { agreementId: 'a1', terms: [
      { party: '李强', partyId: 'p2', obligation: '修复防水', dueAt: '2026-12-05T16:00:00.000Z' },
      { party: '王明', partyRef: `party:${disputeId}:p1`, obligation: '配合入户', dueAt: '2026-12-06T16:00:00.000Z' },
    ] });
    const agreed = applyMediationEvent(mediating, { ...reached, actor: { userId: 'mediator', role: 'mediator' } }, { nameOf: (id) => (id === 'mediator' ? '陈调解' : undefined) })!;
    expect(agreed).toMatchObject({ stage: 'agreed', deadline: null });
    expect(agreed.agreement).toEqual({
      agreementId: 'a1', reachedAt: '2026-11-28T09:05:00.000Z', reachedBy: { userId: 'mediator', name: '陈调解' }, committeeId: 'cmte-bf-d01-s01-c01', level: 'community',
      terms: [
        { party: '李强', partyId: 'p2', obligation: '修复防水', dueAt: '2026-12-05T16:00:00.000Z', kept: null, followedUpAt: null, note: null },
        { party: '王明', partyId: 'p1', obligation: '配合入户', dueAt: '2026-12-06T16:00:00.000Z', kept: null, followedUpAt: null, note: null },
      ],
    });
  });

  it('records each failure with the mediator who held the dispute', () => {
    const failed = reduce(reduce(opened, [assigned]), [event('mediation.mediation-failed', 9, { level: 'community', next: 'street-centre', reason: '分歧较大' })]);
    expect(failed.failures).toEqual([{ level: 'community', reason: '分歧较大', next: 'street-centre', at: '2026-11-28T09:09:00.000Z', mediatorId: 'mediator' }]);
  });

  it('follows assignment, agreement and follow-ups to 已化解', () => {
    const mediating = reduce(opened, [assigned]);
    expect(mediating).toMatchObject({ stage: 'mediating', mediatorId: 'mediator', level: 'community', assignmentPending: false, pastMediatorIds: ['mediator'] });
    const agreed = reduce(withAgreement(mediating), [event('mediation.agreement-reached', 5, { agreementId: 'a1', terms })]);
    expect(agreed.stage).toBe('agreed');
    expect(agreed.agreedAt).toEqual(new Date('2026-11-28T09:05:00.000Z'));
    const one = reduce(agreed, [event('mediation.agreement-followed-up', 6, { agreementId: 'a1', termIndex: 0, kept: true })]);
    expect(one.stage).toBe('agreed');
    const both = reduce(one, [event('mediation.agreement-followed-up', 7, { agreementId: 'a1', termIndex: 1, kept: true })]);
    expect(both).toMatchObject({ stage: 'resolved' });
    expect(both.resolvedAt).toEqual(new Date('2026-11-28T09:07:00.000Z'));
  });

  it('reopens on a broken term, keeping the broken agreement for the figures', () => {
    const agreed = reduce(withAgreement(reduce(opened, [assigned])), [event('mediation.agreement-reached', 5, { agreementId: 'a1', terms })]);
    const broken = reduce(agreed, [event('mediation.agreement-followed-up', 8, { agreementId: 'a1', termIndex: 0, kept: false })]);
    expect(broken).toMatchObject({ stage: 'mediating', reopenCount: 1, agreement: null });
    expect(broken.pastAgreements).toEqual([{ agreementId: 'a1', reachedAt: '2026-11-28T09:05:00.000Z', followedUp: { kept: false, at: '2026-11-28T09:08:00.000Z' } }]);
  });

  it('orders by the workflow’s sequence when events carry one', () => {
    const seq = (e: EventEnvelope, sequence: number): EventEnvelope => ({ ...e, data: { ...(e.data as object), sequence } });
    const mediating = reduce(opened, [seq(assigned, 2)]);
    expect(mediating.lastSequence).toBe(2);
    expect(applyMediationEvent(mediating, seq(assigned, 2))).toBeUndefined();
    const agreed = reduce(withAgreement(mediating), [seq(event('mediation.agreement-reached', 5, { agreementId: 'a1', terms }), 3)]);
    const followed = reduce(agreed, [seq(event('mediation.agreement-followed-up', 6, { agreementId: 'a1', termIndex: 0, kept: false }), 4)]);
    expect(followed.stage).toBe('agreed'); // the workflow says what a broken term means: dispute-reopened follows
    const reopened = reduce(followed, [seq(event('mediation.dispute-reopened', 6, { agreementId: 'a1', termIndex: 0, reopenCount: 1, level: 'community', deadline: '2026-12-28T09:06:00.000Z' }), 5)]);
    expect(reopened).toMatchObject({ stage: 'mediating', reopenCount: 1, agreement: null, deadline: new Date('2026-12-28T09:06:00.000Z') });
    const resolved = reduce(reopened, [seq(event('mediation.dispute-resolved', 9, { agreementId: 'a2', level: 'community', mediatorId: 'mediator', reopenCount: 1 }), 9)]);
    expect(resolved).toMatchObject({ stage: 'resolved', lastSequence: 9 });
  });

  it('escalates a failure at the community to the street centre, and ends one at the street', () => {
    const failed = reduce(reduce(opened, [assigned]), [event('mediation.mediation-failed', 9, { level: 'community', next: 'street-centre', reason: '分歧较大' })]);
    expect(failed).toMatchObject({ stage: 'awaiting-mediator', level: 'street', mediatorId: null, assignmentPending: true, pastMediatorIds: ['mediator'] });
    expect(failed.escalatedAt).toEqual(new Date('2026-11-28T09:09:00.000Z'));
    const street = reduce(failed, [event('mediation.mediator-assigned', 10, { mediatorId: 'bf-d01-s01-med1', committeeId: 'centre-bf-d01-s01', level: 'street' })]);
    expect(street).toMatchObject({ stage: 'mediating', level: 'street', mediatorId: 'bf-d01-s01-med1' });
    const ended = reduce(street, [event('mediation.mediation-failed', 11, { level: 'street', next: 'litigation', reason: '仍未达成' })]);
    expect(ended).toMatchObject({ stage: 'failed', guidance: 'litigation' });
  });

  it('ignores redeliveries and events older than the state it shows', () => {
    const mediating = reduce(opened, [assigned]);
    expect(applyMediationEvent(mediating, assigned)).toBeUndefined();
    const agreedLater = { ...withAgreement(mediating), stage: 'agreed' as const, stageAt: new Date('2026-11-28T09:30:00.000Z') };
    expect(applyMediationEvent(agreedLater, event('mediation.mediator-assigned', 2, { mediatorId: 'x', committeeId: 'c', level: 'community' }))).toMatchObject({ stage: 'agreed', mediatorId: 'mediator' });
    expect(applyMediationEvent(mediating, event('mediation.session-held', 3, { sessionId: 's' }))).toBeUndefined();
  });
});
