import {
  availableCommands,
  type CaseAtHand,
  CASE_COMMANDS,
  departmentTypeOf,
  departmentUnitId,
  holdingRungOf,
  homeScreenOf,
  isDepartmentUnit,
  mayIssue,
  reachOf,
  readActorRole,
  readChannel,
  readRole,
  readSatisfaction,
  readSlaWindow,
  ROLE_DEFINITIONS,
  ROLE_LABELS,
  ROLES,
  rolesFor,
  roleNames,
  rolesWithScreen,
  supervises,
} from './index';

describe('one spelling, the old one still read', () => {
  it('reads words written before the vocabulary was unified, and nothing else', () => {
    expect(readRole('streetCoordinator')).toBe('street-coordinator');
    expect(readRole('street-coordinator')).toBe('street-coordinator');
    expect(readRole('janitor')).toBeUndefined();
    expect(readRole('toString')).toBeUndefined();
    expect(readActorRole('system')).toBe('system');
    expect(readChannel('gridPatrol')).toBe('patrol');
    expect(readChannel('web')).toBe('open311');
    expect(readSatisfaction('dissatisfied')).toBe('unsatisfied');
    expect(readSatisfaction('basicallySatisfied')).toBe('basically-satisfied');
    expect(readSlaWindow('departmentReportIn')).toBe('department-report-in');
    expect(readSlaWindow(42)).toBeUndefined();
  });

  it('names a department by its unit, dept-<code>, however it was written', () => {
    expect(departmentUnitId('water')).toBe('dept-water');
    expect(departmentUnitId('dept-water')).toBe('dept-water');
    expect(isDepartmentUnit('bf-d01-s01')).toBe(false);
    expect(departmentTypeOf('dept-urban-management')?.zh).toBe('城市管理综合执法局');
    expect(departmentTypeOf('power')?.en).toBe('Power Supply');
    expect(departmentTypeOf('dept-nowhere')).toBeUndefined();
  });
});

describe('the role table', () => {
  it('labels every role and gives each person’s role a home screen (a service identity has none)', () => {
    for (const role of ROLES) {
      expect(ROLE_LABELS[role].zh).not.toBe('');
      if (role === 'service') expect(ROLE_DEFINITIONS[role].screens).toEqual([]);
      else expect(ROLE_DEFINITIONS[role].screens.length).toBeGreaterThan(0);
    }
    expect(homeScreenOf('operator')).toBe('call');
    expect(homeScreenOf('mediator')).toBe('mediation');
    expect(homeScreenOf('street-coordinator')).toBe('worklist');
    // the APIs behind a screen read who sees it from here (the figures: supervisors and administrators)
    expect(rolesWithScreen('figures')).toEqual(['supervisor', 'admin']);
    expect(rolesWithScreen('call')).toEqual(['operator']);
    // a refusal names roles as people know them
    expect(roleNames(['supervisor', 'admin', 'streetCoordinator'])).toEqual({ zh: '督查员、系统管理员、街道工作人员', en: 'supervisor, administrator, street coordinator' });
  });

  it('gives each command to the roles that do it: department work to liaisons, 吹哨 to the street, 督查 to supervisors', () => {
    for (const c of ['reportIn', 'refuse', 'answer'] as const) expect(rolesFor(c)).toEqual(['department-liaison']);
    expect(rolesFor('summonDepartments')).toEqual(['street-coordinator']);
    expect(rolesFor('escalate')).toEqual(['grid-worker', 'community-handler', 'mediator', 'supervisor']);
    expect(rolesFor('accept')).toEqual(['grid-worker', 'community-handler', 'mediator', 'street-coordinator']);
    expect(rolesFor('decideExtension')).toEqual(['supervisor']);
    expect(rolesFor('withdrawSummons')).toEqual(['street-coordinator', 'supervisor']);
    expect(rolesFor('releaseSummons')).toEqual(['supervisor']);
    expect(rolesFor('dispatch')).toEqual(['operator', 'dispatcher']);
    expect(rolesFor('close')).toEqual(['operator', 'supervisor']);
    expect(CASE_COMMANDS.filter((command) => mayIssue('admin', command))).toEqual([]);
    expect(supervises('supervisor')).toBe(true);
    expect(supervises('admin')).toBe(false);
  });

  it('lets the workflow itself send only its own commands, anywhere', () => {
    expect(reachOf('system', 'escalate')).toBe('any-case');
    expect(reachOf('system', 'accept')).toBeUndefined();
    expect(reachOf('community-handler', 'accept')).toBe('held-case');
    expect(reachOf('department-liaison', 'answer')).toBe('own-department');
  });
});

describe('availableCommands', () => {
  const community = { role: 'community-handler', unitId: 'bf-d01-s01-c01' };
  const street = { role: 'street-coordinator', unitId: 'bf-d01-s01' };
  const liaison = { role: 'department-liaison', unitId: 'dept-urban-management' };
  const supervisor = { role: 'supervisor', unitId: 'bf' };
  const base: CaseAtHand = {
    stage: 'dispatched',
    level: 'community',
    currentUnit: 'bf-d01-s01-c01',
    streetId: 'bf-d01-s01',
    gridId: 'bf-d01-s01-c01-g01',
    summonses: [],
    suspension: { suspended: false },
    pendingExtension: null,
  };

  it('offers accept and return to the community a case is dispatched to (and its grid’s staff), nothing to another community', () => {
    expect(availableCommands(community, base)).toEqual(['accept', 'return']);
    expect(availableCommands({ role: 'grid-worker', unitId: 'bf-d01-s01-c01-g01' }, base)).toEqual(['accept', 'return']);
    expect(availableCommands({ role: 'grid-worker', unitId: 'bf-d01-s01-c01-g02' }, base)).toEqual([]);
    expect(availableCommands({ ...community, unitId: 'bf-d01-s01-c02' }, base)).toEqual([]);
  });

  it('offers handling commands once accepted', () => {
    expect(availableCommands(community, { ...base, stage: 'in-handling' })).toEqual(['escalate', 'resolve', 'requestExtension', 'suspend']);
  });

  it('lets the street summon departments, and resolve only once every summons is settled', () => {
    const atStreet = { ...base, stage: 'in-handling', level: 'street', currentUnit: 'bf-d01-s01' };
    expect(holdingRungOf(atStreet)).toBe('street');
    expect(availableCommands(street, atStreet)).toEqual(['summonDepartments', 'resolve', 'requestExtension', 'suspend']);
    const waiting = { ...atStreet, summonses: [{ departmentId: 'dept-urban-management', status: 'reported-in' }] };
    expect(availableCommands(street, waiting)).not.toContain('resolve');
    expect(availableCommands(community, atStreet)).toEqual([]);
  });

  it('walks the liaison through report in → answer (refuse while not answered)', () => {
    const summoned = { ...base, stage: 'in-handling', level: 'department', currentUnit: 'bf-d01-s01', summonses: [{ departmentId: 'dept-urban-management', status: 'summoned' }] };
    expect(availableCommands(liaison, summoned)).toEqual(['reportIn', 'refuse']);
    const reported = { ...summoned, summonses: [{ departmentId: 'dept-urban-management', status: 'reported-in' }] };
    expect(availableCommands(liaison, reported)).toEqual(['answer', 'refuse']);
    const answered = { ...summoned, summonses: [{ departmentId: 'dept-urban-management', status: 'answered' }] };
    expect(availableCommands(liaison, answered)).toEqual([]);
    expect(availableCommands({ ...liaison, unitId: 'dept-water' }, summoned)).toEqual([]);
  });

  it('offers a pending refusal to the street and supervisors', () => {
    const refused = { ...base, stage: 'in-handling', level: 'department', currentUnit: 'bf-d01-s01', summonses: [{ departmentId: 'dept-water', status: 'refusal-pending' }] };
    expect(availableCommands(street, refused)).toContain('decideRefusal');
    expect(availableCommands(supervisor, refused)).toContain('decideRefusal');
  });

  it('lets the street withdraw an open summons, and supervisors release one whose department let its window run out', () => {
    const summoned = { ...base, stage: 'in-handling', level: 'department', currentUnit: 'bf-d01-s01', summonses: [{ departmentId: 'dept-water', status: 'summoned' }] };
    expect(availableCommands(street, summoned)).toContain('withdrawSummons');
    expect(availableCommands(street, summoned)).not.toContain('releaseSummons');
    expect(availableCommands(supervisor, summoned)).not.toContain('releaseSummons');
    const breached = { ...summoned, summonses: [{ departmentId: 'dept-water', status: 'summoned', breached: true }] };
    expect(availableCommands(supervisor, breached)).toEqual(expect.arrayContaining(['withdrawSummons', 'releaseSummons']));
    expect(availableCommands(street, breached)).not.toContain('releaseSummons');
    expect(availableCommands(liaison, breached)).not.toContain('withdrawSummons');
    const settled = { ...summoned, summonses: [{ departmentId: 'dept-water', status: 'withdrawn' }] };
    expect(availableCommands(street, settled)).toEqual(expect.arrayContaining(['resolve']));
    expect(availableCommands(street, settled)).not.toContain('withdrawSummons');
  });

  it('gives supervisors extension decisions, notices, merge and the close after review', () => {
    const pending = { ...base, stage: 'in-handling', pendingExtension: { reason: 'x' } };
    expect(availableCommands(supervisor, pending)).toEqual(expect.arrayContaining(['decideExtension', 'issueSupervisionNotice', 'escalate', 'suspend', 'merge']));
    expect(availableCommands(community, pending)).not.toContain('requestExtension');
    expect(availableCommands(supervisor, { ...base, stage: 'under-review' })).toEqual(['close']);
    expect(availableCommands({ role: 'operator', unitId: 'bf' }, { ...base, stage: 'under-review' })).toEqual([]);
  });

  it('offers resume on a suspended case, dispatch from the manual queue and re-dispatch after a return', () => {
    expect(availableCommands(community, { ...base, stage: 'suspended', suspension: { suspended: true } })).toEqual(['resume']);
    expect(availableCommands({ role: 'dispatcher', unitId: 'bf' }, { ...base, stage: 'awaiting-dispatch', currentUnit: null })).toEqual(['dispatch']);
    expect(availableCommands({ role: 'dispatcher', unitId: 'bf' }, { ...base, stage: 'returned', currentUnit: null })).toEqual(['redispatch']);
  });

  it('offers nothing on a closed case', () => {
    expect(availableCommands(supervisor, { ...base, stage: 'closed' })).toEqual([]);
    expect(availableCommands(community, { ...base, stage: 'closed' })).toEqual([]);
  });
});
