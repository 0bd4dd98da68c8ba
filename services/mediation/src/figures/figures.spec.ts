import { computeMediationFigures } from '@civicflow/domain';
import type { DisputeDoc } from '../disputes/dispute';
import { toFiguresRecord } from './figures';

type Row = Parameters<typeof toFiguresRecord>[0];
const d = (id: string, community: string, fields: Partial<Row>): Row => ({
  _id: id, communityId: community, streetId: community.slice(0, 10), openedAt: new Date('2026-11-02T02:00:00.000Z'), stage: 'mediating', level: 'community',
  resolvedAt: null, failedAt: null, deadline: null, agreement: null, pastAgreements: [], ...fields,
});
const agreement = (reachedAt: string, kept: (boolean | null)[]): DisputeDoc['agreement'] => ({
  agreementId: `a-${reachedAt}`, reachedAt, reachedBy: { userId: 'm', name: 'm' }, committeeId: 'c', level: 'community',
  terms: kept.map((k, i) => ({ party: 'p', partyId: 'p', obligation: `o${i}`, dueAt: '2026-12-30T00:00:00.000Z', kept: k, followedUpAt: k === null ? null : '2026-11-20T02:00:00.000Z', note: null })),
});

describe('mediation figures from the read model', () => {
  const disputes = [
    // settled in the community: agreement 4 days after opening, both terms kept
    d('A', 'bf-d01-s01-c01', { stage: 'resolved', resolvedAt: new Date('2026-11-20T02:00:00.000Z'), agreement: agreement('2026-11-06T02:00:00.000Z', [true, true]) }),
    // settled at the street after the community failed
    d('B', 'bf-d01-s01-c02', { stage: 'resolved', level: 'street', resolvedAt: new Date('2026-11-25T02:00:00.000Z'), agreement: agreement('2026-11-12T02:00:00.000Z', [true]) }),
    // failed at the street: guided to litigation
    d('C', 'bf-d01-s01-c01', { stage: 'failed', level: 'street', failedAt: new Date('2026-11-28T02:00:00.000Z') }),
    // open, its limit ran out in the period
    d('D', 'bf-d01-s01-c02', { deadline: new Date('2026-11-29T02:00:00.000Z') }),
    // reopened after a broken agreement, still mediating, limit in December
    d('E', 'bf-d01-s01-c01', { deadline: new Date('2026-12-20T02:00:00.000Z'), pastAgreements: [{ agreementId: 'x', reachedAt: '2026-11-04T02:00:00.000Z', followedUp: { kept: false, at: '2026-11-15T02:00:00.000Z' } }] }),
    // resolved before the period: not counted
    d('F', 'bf-d01-s01-c01', { openedAt: new Date('2026-10-01T02:00:00.000Z'), stage: 'resolved', resolvedAt: new Date('2026-10-20T02:00:00.000Z') }),
  ];
  const period = { from: '2026-11-01T00:00:00.000+08:00', to: '2026-12-01T00:00:00.000+08:00' };

  it('counts 化解率, community vs street, days to agreement and agreements kept', () => {
    const report = computeMediationFigures(disputes.map(toFiguresRecord), period, 'community');
    expect(report.total).toMatchObject({
      closedOrDue: 4, resolved: 2, failed: 1, overdue: 1, resolutionRate: 0.5, settledInCommunity: 1, settledInStreet: 1, communityShare: 0.5,
      agreementsReached: 3, agreementsFollowedUp: 3, agreementsKept: 2,
    });
    // (4 + 10 + 2) / 3 days from opening to agreement
    expect(report.total.averageDaysToAgreement).toBe(5.3);
    expect(report.total.keptRate).toBeCloseTo(2 / 3);
    expect(report.groups.map((g) => [g.key, g.resolved, g.failed, g.overdue])).toEqual([['bf-d01-s01-c01', 1, 1, 0], ['bf-d01-s01-c02', 1, 0, 1]]);
    expect(report.total.disputes).toMatchObject({ resolved: ['A', 'B'], failed: ['C'], overdue: ['D'], broken: ['E'] });
  });

  it('groups by street', () => {
    const report = computeMediationFigures(disputes.map(toFiguresRecord), period, 'street');
    expect(report.groups).toHaveLength(1);
    expect(report.groups[0]).toMatchObject({ key: 'bf-d01-s01', resolved: 2, resolutionRate: 0.5 });
  });
});
