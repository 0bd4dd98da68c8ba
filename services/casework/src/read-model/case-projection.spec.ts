import { type CaseEventEnvelope, parseCaseEvent } from '@civicflow/contracts';
import { applyCaseEvent, CaseReadDoc, departmentDeadline, NO_DEADLINE, toTimelineEntry } from './case-projection';

const caseNumber = '20261128-000042';
const sla = (window: string, status = 'on-track', deadline: string | null = '2026-12-01T09:00:00.000Z') =>
  ({ window, startedAt: '2026-11-28T09:00:00.000Z', status, paused: false, deadline, warningAt: null });

function event(type: string, sequence: number | undefined, data: Record<string, unknown>, actor = { userId: 'system', role: 'system' }): CaseEventEnvelope {
  // as the transport hands it over: validated against its contract
  return parseCaseEvent({
    id: sequence === undefined ? `${caseNumber}:registered` : `${caseNumber}:${sequence}:${type}`,
    type, version: 1, time: '2026-11-28T09:00:00.000Z', key: caseNumber, source: 'workflows', correlationId: 'c', actor,
    data: { caseNumber, ...(sequence === undefined ? {} : { sequence, occurredAt: `2026-11-28T09:00:${String(sequence).padStart(2, '0')}.000Z` }), ...data },
  });
}

function reduce(events: CaseEventEnvelope[]): CaseReadDoc | null {
  return events.reduce<CaseReadDoc | null>((doc, e) => applyCaseEvent(doc, e) ?? doc, null);
}

const path = ['bf', 'bf-d01', 'bf-d01-s01', 'bf-d01-s01-c01', 'bf-d01-s01-c01-g01'];
const ladder = [
  event('case.registered', undefined, { channel: 'hotline', sourceRef: 's', requestType: 'complaint', urgency: 'normal', orgPath: path, registeredAt: '2026-11-28T09:00:00.000Z' }),
  event('case.dispatched', 1, { stage: 'dispatched', level: 'community', unitId: 'bf-d01-s01-c01', sla: sla('acceptance'), route: { streetId: 'bf-d01-s01', communityId: 'bf-d01-s01-c01' }, assigneeUnitId: 'bf-d01-s01-c01', redispatch: false }),
  event('case.accepted', 2, { stage: 'in-handling', level: 'community', unitId: 'bf-d01-s01-c01', sla: sla('community-handling') }),
  event('case.escalated', 3, { stage: 'in-handling', level: 'street', unitId: 'bf-d01-s01', sla: sla('street-handling', 'on-track', '2026-12-03T09:00:00.000Z'), trigger: 'early', from: 'community', to: 'street' }),
  event('case.departments-summoned', 4, { stage: 'in-handling', level: 'department', unitId: 'bf-d01-s01', sla: sla('street-handling'), summonses: [{ departmentId: 'dept-urban-management', summonsId: 'x', sla: null }] }),
];

describe('case projection', () => {
  it('follows the ladder: unit, level, stage, deadline, departments', () => {
    const doc = reduce(ladder)!;
    expect(doc).toMatchObject({
      _id: caseNumber, lastSequence: 4, stage: 'in-handling', level: 'department', currentUnit: 'bf-d01-s01', streetId: 'bf-d01-s01',
      communityId: 'bf-d01-s01-c01', orgPath: path, open: true, breached: false, departments: ['dept-urban-management'], pendingDepartments: ['dept-urban-management'],
    });
    expect(doc.deadline).toEqual(new Date('2026-12-01T09:00:00.000Z'));
  });

  it('moves the worklist deadline on a recompute (时限重算) and keeps what the timeline needs', () => {
    const provisional = { ...sla('street-handling', 'on-track', '2027-01-05T02:00:00.000Z'), provisional: true };
    const before = reduce([...ladder.slice(0, 3), event('case.escalated', 3, { stage: 'in-handling', level: 'street', unitId: 'bf-d01-s01', sla: provisional, trigger: 'early', from: 'community', to: 'street' })])!;
    expect(before.sla).toMatchObject({ provisional: true });
    const clocks = [{ window: 'street-handling', previousDeadline: '2027-01-05T02:00:00.000Z', deadline: '2027-01-06T02:00:00.000Z', provisional: false }];
    const recomputed = event('case.deadlines-recomputed', 4, { stage: 'in-handling', level: 'street', unitId: 'bf-d01-s01', sla: sla('street-handling', 'on-track', '2027-01-06T02:00:00.000Z'), year: 2027, calendarVersion: 3, reason: '时限已按2027年放假安排重算', clocks });
    const after = applyCaseEvent(before, recomputed)!;
    expect(after.deadline).toEqual(new Date('2027-01-06T02:00:00.000Z'));
    expect(after.sla?.provisional).toBeUndefined();
    expect(toTimelineEntry(recomputed).detail).toEqual({ reason: '时限已按2027年放假安排重算', year: 2027, clocks });
  });

  it("makes a summoned department's provisional deadline official on a recompute (its liaison's worklist)", () => {
    const provisional = { ...sla('department-report-in', 'on-track', '2027-01-05T02:00:00.000Z'), provisional: true as const };
    const summoned = event('case.departments-summoned', 4, { stage: 'in-handling', level: 'department', unitId: 'bf-d01-s01', sla: sla('street-handling'), summonses: [{ departmentId: 'dept-water', summonsId: 'w', sla: provisional }] });
    const before = reduce([...ladder.slice(0, 3), summoned])!;
    expect(before.departmentClocks['dept-water']).toMatchObject({ provisional: true });
    const clocks = [{ window: 'department-report-in', departmentId: 'dept-water', previousDeadline: '2027-01-05T02:00:00.000Z', deadline: '2027-01-06T02:00:00.000Z', provisional: false }];
    const after = applyCaseEvent(before, event('case.deadlines-recomputed', 5, { stage: 'in-handling', level: 'department', unitId: 'bf-d01-s01', sla: sla('street-handling'), year: 2027, calendarVersion: 3, reason: '时限已按2027年放假安排重算', clocks }))!;
    expect(after.departmentClocks['dept-water']).toEqual({ ...provisional, deadline: '2027-01-06T02:00:00.000Z', provisional: undefined });
    expect(departmentDeadline(after, 'dept-water')).toEqual(new Date('2027-01-06T02:00:00.000Z'));
  });

  it('ignores a redelivered or older event, whatever the order', () => {
    const doc = reduce(ladder)!;
    expect(applyCaseEvent(doc, ladder[2])).toBeUndefined();
    expect(applyCaseEvent(doc, ladder[0])).toBeUndefined();
    // registered arriving after the first transitions only fills the path
    const late = reduce([ladder[1], ladder[2], ladder[0]])!;
    expect(late).toMatchObject({ stage: 'in-handling', lastSequence: 2, orgPath: path });
  });

  it('marks breaches, answers, resolution and closure', () => {
    const more = [
      ...ladder,
      event('case.sla-breached', 5, { stage: 'in-handling', level: 'supervision', unitId: 'bf-d01-s01', sla: sla('street-handling', 'breached'), window: 'street-handling', deadline: null, action: 'supervision' }),
      event('case.department-answered', 6, { stage: 'in-handling', level: 'supervision', unitId: 'bf-d01-s01', sla: null, departmentId: 'dept-urban-management', summonsId: 'x', plan: 'p', result: 'r' }),
    ];
    const answered = reduce(more)!;
    expect(answered).toMatchObject({ breached: true, pendingDepartments: [], open: true });
    expect(answered.deadline).toEqual(NO_DEADLINE);
    const resolved = applyCaseEvent(answered, event('case.resolved', 7, { resolvedAt: '2026-11-29T10:00:00.000Z', level: 'street', unitId: 'bf-d01-s01', summary: 's', callbackDueAt: '2026-11-30T10:00:00.000Z', stage: 'resolved', sla: sla('callback') }))!;
    expect(resolved).toMatchObject({ stage: 'resolved', open: false, awaitingCallback: true });
    const closed = applyCaseEvent(resolved, event('case.closed', 8, { stage: 'closed', level: 'street', unitId: 'bf-d01-s01', sla: null, reason: 'callback-completed' }))!;
    expect(closed).toMatchObject({ stage: 'closed', open: false, awaitingCallback: false });
  });

  it('turns an event into a timeline entry keyed by the event id', () => {
    const entry = toTimelineEntry(event('case.accepted', 2, { stage: 'in-handling', level: 'community', unitId: 'bf-d01-s01-c01', sla: sla('community-handling') },
      { userId: 'u1', role: 'community-handler', unitId: 'bf-d01-s01-c01' } as never));
    expect(entry).toMatchObject({
      _id: `${caseNumber}:2:case.accepted`, caseNumber, sequence: 2, type: 'case.accepted', at: '2026-11-28T09:00:02.000Z',
      actor: { userId: 'u1', role: 'community-handler' }, level: 'community', unitId: 'bf-d01-s01-c01', sla: { window: 'community-handling' },
    });
    expect(toTimelineEntry(ladder[4]).detail).toEqual({ departmentIds: ['dept-urban-management'] });
    // the registration keeps its channel and request type: the console's sentence says "受理12345热线投诉"
    expect(toTimelineEntry(ladder[0]).detail).toEqual({ channel: 'hotline', requestType: 'complaint' });
  });

  it('keeps each pending department’s own clock — report-in, then answer — apart from the street’s', () => {
    const URBAN = 'dept-urban-management';
    const WATER = 'dept-water-affairs';
    const street = sla('street-handling', 'on-track', '2026-12-03T09:00:00.000Z');
    const reportIn = (deadline: string) => ({ ...sla('department-report-in', 'on-track', deadline) });
    const doc = reduce([
      ...ladder.slice(0, 4),
      event('case.departments-summoned', 4, { stage: 'in-handling', level: 'department', unitId: 'bf-d01-s01', sla: street, summonses: [
        { departmentId: URBAN, summonsId: 'u', sla: reportIn('2026-11-28T11:00:00.000Z') },
        { departmentId: WATER, summonsId: 'w', sla: reportIn('2026-11-28T11:00:00.000Z') },
      ] }),
      event('case.department-reported-in', 5, { stage: 'in-handling', level: 'department', unitId: 'bf-d01-s01', sla: street, departmentId: URBAN, summonsId: 'u',
        departmentSla: sla('department-answer', 'on-track', '2026-12-02T09:00:00.000Z') }),
      event('case.sla-breached', 6, { stage: 'in-handling', level: 'department', unitId: 'bf-d01-s01', sla: street, window: 'department-report-in', departmentId: WATER, deadline: '2026-11-28T11:00:00.000Z', action: 'supervision' }),
    ])!;
    expect(doc.deadline).toEqual(new Date('2026-12-03T09:00:00.000Z')); // the street's
    expect(departmentDeadline(doc, URBAN)).toEqual(new Date('2026-12-02T09:00:00.000Z')); // urban management's answer window
    expect(doc.departmentClocks[WATER]).toMatchObject({ window: 'department-report-in', status: 'breached', deadline: '2026-11-28T11:00:00.000Z' });

    const suspended = applyCaseEvent(doc, event('case.suspended', 7, { stage: 'suspended', level: 'department', unitId: 'bf-d01-s01', sla: { ...street, paused: true }, reason: '等待材料', resumeBy: null }))!;
    expect(departmentDeadline(suspended, URBAN)).toBe(NO_DEADLINE);
    const resumed = applyCaseEvent(suspended, event('case.resumed', 8, { stage: 'in-handling', level: 'department', unitId: 'bf-d01-s01', sla: street, automatic: false, suspendedMs: 3_600_000,
      departments: [{ departmentId: URBAN, sla: sla('department-answer', 'on-track', '2026-12-02T10:00:00.000Z') }] }))!;
    expect(departmentDeadline(resumed, URBAN)).toEqual(new Date('2026-12-02T10:00:00.000Z'));

    const answered = applyCaseEvent(resumed, event('case.department-answered', 9, { stage: 'in-handling', level: 'department', unitId: 'bf-d01-s01', sla: street, departmentId: URBAN, summonsId: 'u', plan: 'p', result: 'r' }))!;
    expect(answered.pendingDepartments).toEqual([WATER]);
    expect(Object.keys(answered.departmentClocks)).toEqual([WATER]);

    // 解除: the silent department leaves the liaison's worklist with its clock
    const released = applyCaseEvent(answered, event('case.summons-ended', 10, { stage: 'in-handling', level: 'supervision', unitId: 'bf-d01-s01', sla: street, departmentId: WATER, summonsId: 'w',
      ending: 'released', reason: '超时未报到，解除', breached: true, statusBefore: 'summoned' }))!;
    expect(released.pendingDepartments).toEqual([]);
    expect(released.departmentClocks).toEqual({});
  });
});
