import { actsFor, allowedCommands, type CaseStateLike } from './case-actions';

const community = { role: 'community-handler', unitId: 'bf-d01-s01-c01' };
const street = { role: 'street-coordinator', unitId: 'bf-d01-s01' };
const liaison = { role: 'department-liaison', unitId: 'dept-urban-management' };
const supervisor = { role: 'supervisor', unitId: 'bf' };
const base: CaseStateLike = { stage: 'dispatched', level: 'community', currentUnit: 'bf-d01-s01-c01', summonses: [], suspension: { suspended: false }, pendingExtension: null };

describe('actsFor', () => {
  it('matches the unit and units below it only', () => {
    expect(actsFor('bf-d01-s01-c01', 'bf-d01-s01-c01')).toBe(true);
    expect(actsFor('bf-d01-s01-c01-g01', 'bf-d01-s01-c01')).toBe(true);
    expect(actsFor('bf-d01-s01-c011', 'bf-d01-s01-c01')).toBe(false);
    expect(actsFor('bf-d01-s01', 'bf-d01-s01-c01')).toBe(false);
    expect(actsFor('bf-d01-s01-c01', 'bf-d01-s01')).toBe(false);
    expect(actsFor('bf', null)).toBe(false);
  });
});

describe('allowedCommands', () => {
  it('offers accept and return to the community a case is dispatched to, nothing to another community', () => {
    expect(allowedCommands(community, base)).toEqual(['accept', 'return']);
    expect(allowedCommands({ ...community, unitId: 'bf-d01-s01-c02' }, base)).toEqual([]);
  });

  it('offers handling commands once accepted', () => {
    const handling = { ...base, stage: 'in-handling' };
    expect(allowedCommands(community, handling)).toEqual(['escalate', 'resolve', 'requestExtension', 'suspend']);
  });

  it('lets the street summon departments, and resolve only once every summons is settled', () => {
    const atStreet = { ...base, stage: 'in-handling', level: 'street', currentUnit: 'bf-d01-s01' };
    expect(allowedCommands(street, atStreet)).toEqual(['summonDepartments', 'resolve', 'requestExtension', 'suspend']);
    const waiting = { ...atStreet, summonses: [{ departmentId: 'dept-urban-management', status: 'reported-in' }] };
    expect(allowedCommands(street, waiting)).not.toContain('resolve');
    expect(allowedCommands(community, atStreet)).toEqual([]);
  });

  it('walks the liaison through report in → answer (refuse while not answered)', () => {
    const summoned = { ...base, stage: 'in-handling', level: 'department', currentUnit: 'bf-d01-s01', summonses: [{ departmentId: 'dept-urban-management', status: 'summoned' }] };
    expect(allowedCommands(liaison, summoned)).toEqual(['reportIn', 'refuse']);
    const reported = { ...summoned, summonses: [{ departmentId: 'dept-urban-management', status: 'reported-in' }] };
    expect(allowedCommands(liaison, reported)).toEqual(['answer', 'refuse']);
    const answered = { ...summoned, summonses: [{ departmentId: 'dept-urban-management', status: 'answered' }] };
    expect(allowedCommands(liaison, answered)).toEqual([]);
    expect(allowedCommands({ ...liaison, unitId: 'dept-water' }, summoned)).toEqual([]);
  });

  it('offers a pending refusal to the street and supervisors', () => {
    const refused = { ...base, stage: 'in-handling', level: 'department', currentUnit: 'bf-d01-s01', summonses: [{ departmentId: 'dept-water', status: 'refusal-pending' }] };
    expect(allowedCommands(street, refused)).toContain('decideRefusal');
    expect(allowedCommands(supervisor, refused)).toContain('decideRefusal');
  });

  it('gives supervisors extension decisions, notices, merge and the close after review', () => {
    const pending = { ...base, stage: 'in-handling', pendingExtension: { reason: 'x' } };
    expect(allowedCommands(supervisor, pending)).toEqual(expect.arrayContaining(['decideExtension', 'issueSupervisionNotice', 'escalate', 'suspend', 'merge']));
    expect(allowedCommands(community, pending)).not.toContain('requestExtension');
    expect(allowedCommands(supervisor, { ...base, stage: 'under-review' })).toEqual(['close']);
  });

  it('offers resume on a suspended case, dispatch from the manual queue and re-dispatch after a return', () => {
    expect(allowedCommands(community, { ...base, stage: 'suspended', suspension: { suspended: true } })).toEqual(['resume']);
    expect(allowedCommands({ role: 'dispatcher', unitId: 'bf' }, { ...base, stage: 'awaiting-dispatch', currentUnit: null })).toEqual(['dispatch']);
    expect(allowedCommands({ role: 'dispatcher', unitId: 'bf' }, { ...base, stage: 'returned', currentUnit: null })).toEqual(['redispatch']);
  });

  it('offers nothing on a closed case', () => {
    expect(allowedCommands(supervisor, { ...base, stage: 'closed' })).toEqual([]);
    expect(allowedCommands(community, { ...base, stage: 'closed' })).toEqual([]);
  });
});
