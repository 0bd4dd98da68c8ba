import { committeeIdFor } from './committee';
import { DEMO_MEDIATOR, DEMO_STREET_MEDIATOR, planDemoCommittees } from './demo-committees';
import { OrgUnits } from './org-units';
import { pickMediator } from './pick-mediator';

describe('committees of the demo city', () => {
  const org = OrgUnits.demo();
  const plan = planDemoCommittees(org);

  it('has one 人民调解委员会 per community and one 矛盾调解中心 per street', () => {
    expect(plan.committees.filter((c) => c.level === 'community')).toHaveLength(org.communities().length);
    expect(plan.committees.filter((c) => c.level === 'street')).toHaveLength(org.streets().length);
    expect(plan.committees.find((c) => c._id === 'cmte-bf-d01-s01-c01')).toMatchObject({ name: '锦华社区人民调解委员会', streetId: 'bf-d01-s01' });
    expect(plan.committees.find((c) => c._id === 'centre-bf-d01-s01')).toMatchObject({ name: '友谊路街道矛盾调解中心' });
  });

  it('makes the demo mediators who can log in the whole committee of their unit; every other body has two members', () => {
    const membersOf = (committeeId: string) => plan.mediators.filter((m) => m.committeeId === committeeId).map((m) => m._id);
    expect(membersOf(committeeIdFor('community', DEMO_MEDIATOR.unitId))).toEqual([DEMO_MEDIATOR.userId]);
    expect(membersOf(committeeIdFor('street', DEMO_STREET_MEDIATOR.unitId))).toEqual([DEMO_STREET_MEDIATOR.userId]);
    const demoBodies = new Set([committeeIdFor('community', DEMO_MEDIATOR.unitId), committeeIdFor('street', DEMO_STREET_MEDIATOR.unitId)]);
    for (const committee of plan.committees.filter((c) => !demoBodies.has(c._id))) expect(membersOf(committee._id)).toHaveLength(2);
    expect(new Set(plan.mediators.map((m) => m._id)).size).toBe(plan.mediators.length);
    expect(planDemoCommittees(org)).toEqual(plan);
  });

  it('knows a community’s path', () => {
    expect(org.pathOfCommunity('bf-d01-s01-c01')).toEqual({ orgPath: ['bf', 'bf-d01', 'bf-d01-s01', 'bf-d01-s01-c01'], streetId: 'bf-d01-s01', districtId: 'bf-d01' });
    expect(org.pathOfCommunity('bf-d01-s01')).toBeUndefined();
    expect(org.pathOfCommunity('nowhere')).toBeUndefined();
  });
});

describe('assignment by workload', () => {
  it('picks the fewest open disputes, ties by id, skipping the excluded', () => {
    const loads = [{ mediatorId: 'b', openDisputes: 1 }, { mediatorId: 'a', openDisputes: 1 }, { mediatorId: 'c', openDisputes: 3 }];
    expect(pickMediator(loads)).toBe('a');
    expect(pickMediator(loads, new Set(['a']))).toBe('b');
    expect(pickMediator(loads, new Set(['a', 'b', 'c']))).toBeUndefined();
    expect(pickMediator([])).toBeUndefined();
  });
});
