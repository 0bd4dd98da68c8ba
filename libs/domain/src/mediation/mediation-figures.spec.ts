import fc from 'fast-check';
import { chinaTime, DAY_MS } from '../calendar/china-time';
import { computeMediationFigures, type MediationDisputeRecord } from './mediation-figures';

const at = (date: string, time = '10:00') => chinaTime(date, time);
const MARCH = { from: at('2099-03-01', '00:00'), to: at('2099-04-01', '00:00') };

const disputes: MediationDisputeRecord[] = [
  // resolved at the community in March, agreement 4 days after opening, kept
  { disputeId: 'd1', communityId: 'binhe', streetId: 'xinhua', openedAt: at('2099-03-01'), outcome: { kind: 'resolved', at: at('2099-03-20'), level: 'community' }, agreements: [{ reachedAt: at('2099-03-05'), followedUp: { kept: true, at: at('2099-03-20') } }] },
  // resolved at the street in March after a broken first agreement; second agreement 10 days after opening
  {
    disputeId: 'd2',
    communityId: 'haixin',
    streetId: 'xinhua',
    openedAt: new Date(at('2099-02-25')).toISOString(),
    outcome: { kind: 'resolved', at: new Date(at('2099-03-25')).toISOString(), level: 'street' },
    agreements: [
      { reachedAt: at('2099-02-27'), followedUp: { kept: false, at: at('2099-03-03') } },
      { reachedAt: at('2099-03-07'), followedUp: { kept: true, at: at('2099-03-25') } },
    ],
  },
  // failed at the street in March
  { disputeId: 'd3', communityId: 'binhe', streetId: 'xinhua', openedAt: at('2099-01-20'), outcome: { kind: 'failed', at: at('2099-03-10'), level: 'street' } },
  // open, limit ran out in March (stale read model): overdue
  { disputeId: 'd4', communityId: 'binhe', streetId: 'xinhua', openedAt: at('2099-02-20'), deadline: at('2099-03-22') },
  // open, deadline in April: not counted
  { disputeId: 'd5', communityId: 'qiaodong', streetId: 'gongnong', openedAt: at('2099-03-15'), deadline: at('2099-04-14') },
  // resolved in April: not counted in March
  { disputeId: 'd6', communityId: 'qiaodong', streetId: 'gongnong', openedAt: at('2099-03-02'), outcome: { kind: 'resolved', at: at('2099-04-02'), level: 'community' }, agreements: [{ reachedAt: at('2099-03-12'), followedUp: { kept: true, at: at('2099-04-02') } }] },
];

describe('computeMediationFigures (化解率 …)', () => {
  it('computes the resolution rate, community/street shares, days to agreement and kept share, with the disputes behind them', () => {
    const { total, period } = computeMediationFigures(disputes, MARCH, 'none');
    expect(period).toEqual({ from: '2099-02-28T16:00:00.000Z', to: '2099-03-31T16:00:00.000Z' });
    expect(total).toMatchObject({
      key: 'all',
      closedOrDue: 4,
      resolved: 2,
      failed: 1,
      overdue: 1,
      resolutionRate: 0.5,
      settledInCommunity: 1,
      settledInStreet: 1,
      communityShare: 0.5,
      streetShare: 0.5,
      agreementsReached: 3, // d1, d2's second, d6
      averageDaysToAgreement: Math.round(((4 + 10 + 10) / 3) * 10) / 10,
      agreementsFollowedUp: 3, // d1 kept, d2 broken, d2 kept
      agreementsKept: 2,
      keptRate: 2 / 3,
    });
    expect(total.disputes).toEqual({ resolved: ['d1', 'd2'], failed: ['d3'], overdue: ['d4'], agreed: ['d1', 'd2', 'd6'], kept: ['d1', 'd2'], broken: ['d2'] });
  });

  it('groups by community, street and China month', () => {
    const byCommunity = computeMediationFigures(disputes, MARCH, 'community').groups;
    expect(byCommunity.map((g) => [g.key, g.resolved, g.closedOrDue, g.resolutionRate])).toEqual([
      ['binhe', 1, 3, 1 / 3],
      ['haixin', 1, 1, 1],
      ['qiaodong', 0, 0, null],
    ]);
    const byStreet = computeMediationFigures(disputes, MARCH, 'street').groups;
    expect(byStreet.map((g) => g.key)).toEqual(['gongnong', 'xinhua']);
    expect(byStreet[1]).toMatchObject({ resolutionRate: 0.5, settledInCommunity: 1, settledInStreet: 1 });
    const byMonth = computeMediationFigures(disputes, { from: at('2099-02-01', '00:00'), to: at('2099-05-01', '00:00') }, 'month').groups;
    expect(byMonth.map((g) => [g.key, g.resolved, g.agreementsReached])).toEqual([
      ['2099-02', 0, 1],
      ['2099-03', 2, 3],
      ['2099-04', 1, 0],
    ]);
  });

  it('counts an instant just after midnight China time in the new month', () => {
    const d: MediationDisputeRecord = { disputeId: 'x', communityId: 'c', streetId: 's', openedAt: at('2099-03-01'), outcome: { kind: 'resolved', at: at('2099-04-01', '00:05'), level: 'community' } };
    expect(computeMediationFigures([d], { from: at('2099-03-01', '00:00'), to: at('2099-05-01', '00:00') }, 'month').groups.map((g) => g.key)).toEqual(['2099-04']);
  });

  it('refuses a period that ends before it starts', () => {
    expect(() => computeMediationFigures([], { from: MARCH.to, to: MARCH.from }, 'none')).toThrow(RangeError);
  });

  const record = fc.record({
    id: fc.integer({ min: 0, max: 1e6 }),
    community: fc.constantFrom('c1', 'c2', 'c3'),
    street: fc.constantFrom('s1', 's2'),
    opened: fc.integer({ min: 0, max: 120 }),
    end: fc.option(fc.record({ after: fc.integer({ min: 0, max: 90 }), kind: fc.constantFrom('resolved' as const, 'failed' as const), level: fc.constantFrom('community' as const, 'street' as const) }), { nil: undefined }),
    deadline: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
    agreements: fc.array(fc.record({ after: fc.integer({ min: 0, max: 60 }), follow: fc.option(fc.record({ kept: fc.boolean(), after: fc.integer({ min: 0, max: 30 }) }), { nil: undefined }) }), { maxLength: 3 }),
  });
  type RandomDispute = typeof record extends fc.Arbitrary<infer R> ? R : never;
  const T = at('2099-01-01', '00:00');
  const toDispute = (r: RandomDispute, i: number): MediationDisputeRecord => ({
    disputeId: `d${i}-${r.id}`,
    communityId: r.community,
    streetId: r.street,
    openedAt: T + r.opened * DAY_MS,
    ...(r.end ? { outcome: { kind: r.end.kind, at: T + (r.opened + r.end.after) * DAY_MS, level: r.end.level } } : {}),
    ...(r.deadline !== undefined ? { deadline: T + (r.opened + r.deadline) * DAY_MS } : {}),
    agreements: r.agreements.map((a) => ({ reachedAt: T + (r.opened + a.after) * DAY_MS, ...(a.follow ? { followedUp: { kept: a.follow.kept, at: T + (r.opened + a.after + a.follow.after) * DAY_MS } } : {}) })),
  });
  const window = fc.record({ from: fc.integer({ min: 0, max: 150 }), days: fc.integer({ min: 1, max: 120 }) });

  it('keeps rates within [0, 1], shares summing to one, and groups adding up to the total (property)', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 30 }), window, fc.constantFrom('community' as const, 'street' as const, 'month' as const), (records, w, groupBy) => {
        const list = records.map(toDispute);
        const period = { from: T + w.from * DAY_MS, to: T + (w.from + w.days) * DAY_MS };
        const report = computeMediationFigures(list, period, groupBy);
        const t = report.total;
        for (const rate of [t.resolutionRate, t.communityShare, t.streetShare, t.keptRate]) if (rate !== null) expect(rate >= 0 && rate <= 1).toBe(true);
        expect(t.resolved).toBeLessThanOrEqual(t.closedOrDue);
        if (t.resolved > 0) expect(t.communityShare! + t.streetShare!).toBeCloseTo(1);
        const sum = (k: 'resolved' | 'failed' | 'overdue' | 'agreementsReached' | 'agreementsKept' | 'agreementsFollowedUp') => report.groups.reduce((s, g) => s + g[k], 0);
        for (const k of ['resolved', 'failed', 'overdue', 'agreementsReached', 'agreementsKept', 'agreementsFollowedUp'] as const) expect(sum(k)).toBe(t[k]);
        // a dispute entirely outside the period changes nothing
        const outside: MediationDisputeRecord = { disputeId: 'zz', communityId: 'c1', streetId: 's1', openedAt: period.to + DAY_MS, outcome: { kind: 'resolved', at: period.to + 2 * DAY_MS, level: 'community' }, agreements: [{ reachedAt: period.to + DAY_MS }] };
        expect(computeMediationFigures([...list, outside], period, groupBy).total).toEqual(t);
        // the order of the disputes does not matter
        expect(computeMediationFigures([...list].reverse(), period, groupBy)).toEqual(report);
      }),
      { numRuns: 200 },
    );
  });
});
