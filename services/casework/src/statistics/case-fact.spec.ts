import { type CaseEventEnvelope, parseCaseEvent } from '@civicflow/contracts';
import { applyFactEvent, CaseFactDoc } from './case-fact';

const caseNumber = '20261128-000042';
const path = ['bf', 'bf-d01', 'bf-d01-s01', 'bf-d01-s01-c01', 'bf-d01-s01-c01-g01'];
const at = (minute: number) => new Date(Date.UTC(2026, 10, 28, 1, minute)).toISOString();
const sla = (window: string, deadline: string | null = at(59), status = 'on-track') => ({ window, startedAt: at(0), status, paused: false, deadline, warningAt: null });

function event(type: string, sequence: number | undefined, data: Record<string, unknown>): CaseEventEnvelope {
  // as the transport hands it over: validated against its contract
  return parseCaseEvent({
    id: sequence === undefined ? `${caseNumber}:registered` : `${caseNumber}:${sequence}:${type}`,
    type, version: 1, time: at(0), key: caseNumber, source: 'workflows', correlationId: 'c', actor: { userId: 'system', role: 'system' },
    data: { caseNumber, ...(sequence === undefined ? {} : { sequence, occurredAt: at(sequence) }), ...data },
  });
}

const registered = event('case.registered', undefined, {
  channel: 'hotline', sourceRef: 's', requestType: 'complaint', urgency: 'normal', categoryCode: '0208', orgPath: path, registeredAt: at(0),
});
const dispatched = (seq: number, deadline = at(30)) => event('case.dispatched', seq, {
  stage: 'dispatched', level: 'community', unitId: 'bf-d01-s01-c01', sla: sla('acceptance', deadline),
  route: { streetId: 'bf-d01-s01', communityId: 'bf-d01-s01-c01', gridId: 'bf-d01-s01-c01-g01' }, assigneeUnitId: 'bf-d01-s01-c01', redispatch: false,
});
const accepted = (seq: number) => event('case.accepted', seq, { stage: 'in-handling', level: 'community', unitId: 'bf-d01-s01-c01', sla: sla('community-handling') });
const breached = (seq: number, window: string) => event('case.sla-breached', seq, { stage: 'in-handling', level: 'street', unitId: 'bf-d01-s01', sla: sla('street-handling'), window, deadline: null, action: 'escalated' });
const resolved = (seq: number) => event('case.resolved', seq, { resolvedAt: at(seq), level: 'street', unitId: 'bf-d01-s01', summary: 's', callbackDueAt: at(59), stage: 'resolved', sla: sla('callback') });
const callback = (seq: number, reached: boolean, satisfaction?: string) =>
  event('case.callback-recorded', seq, { stage: 'called-back', level: 'street', unitId: 'bf-d01-s01', sla: null, reached, ...(satisfaction ? { satisfaction } : {}), attempt: 1 });

function reduce(events: CaseEventEnvelope[]): CaseFactDoc {
  return events.reduce<CaseFactDoc | null>((fact, e) => applyFactEvent(fact, e) ?? fact, null)!;
}

describe('case facts', () => {
  it('takes the place, category and channel from the registration', () => {
    expect(reduce([registered])).toMatchObject({
      _id: caseNumber, channel: 'hotline', categoryCode: '0208', priority: 'normal', districtId: 'bf-d01', streetId: 'bf-d01-s01',
      communityId: 'bf-d01-s01-c01', gridId: 'bf-d01-s01-c01-g01', registeredAt: new Date(at(0)), responded: false, resolved: false,
    });
  });

  it('counts an acceptance before its deadline as a response on time, and after it as late', () => {
    expect(reduce([registered, dispatched(1), accepted(2)])).toMatchObject({ responded: true, respondedOnTime: true, acceptedAt: new Date(at(2)), acceptanceDeadline: new Date(at(30)) });
    expect(reduce([registered, dispatched(1, at(1)), accepted(2)])).toMatchObject({ responded: true, respondedOnTime: false });
    // an acceptance-window breach before the acceptance makes it late even without a known deadline
    expect(reduce([registered, dispatched(1, null as never), breached(2, 'acceptance'), accepted(3)])).toMatchObject({ responded: true, respondedOnTime: false, everBreached: true });
  });

  it('makes a resolution late when a handling window was breached before it, not the callback window after', () => {
    const late = reduce([registered, dispatched(1), accepted(2), breached(3, 'community-handling'), resolved(4)]);
    expect(late).toMatchObject({ resolved: true, resolvedOnTime: false, everBreached: true, handlingBreached: true, breachedWindows: ['community-handling'] });
    const onTime = reduce([registered, dispatched(1), accepted(2), resolved(3), breached(4, 'callback')]);
    expect(onTime).toMatchObject({ resolved: true, resolvedOnTime: true, everBreached: true, handlingBreached: false });
  });

  it('counts escalation, summoned departments, returns and reopens; a reopened case is unresolved until resolved again', () => {
    const fact = reduce([
      registered, dispatched(1),
      event('case.returned', 2, { stage: 'returned', level: null, unitId: null, sla: null, fromUnitId: 'bf-d01-s01-c01', reason: '不属本社区' }),
      dispatched(3), accepted(4),
      event('case.escalated', 5, { stage: 'in-handling', level: 'street', unitId: 'bf-d01-s01', sla: sla('street-handling'), trigger: 'early', from: 'community', to: 'street' }),
      event('case.departments-summoned', 6, { stage: 'in-handling', level: 'department', unitId: 'bf-d01-s01', sla: sla('street-handling'),
        summonses: [{ departmentId: 'dept-urban-management', summonsId: 'a', sla: null }, { departmentId: 'dept-water', summonsId: 'b', sla: null }] }),
      resolved(7), callback(8, true, 'unsatisfied'),
      event('case.reopened', 9, { stage: 'in-handling', level: 'street', unitId: 'bf-d01-s01', sla: sla('street-handling'), reopenCount: 1 }),
    ]);
    expect(fact).toMatchObject({
      returnedCount: 1, escalated: true, departmentIds: ['dept-urban-management', 'dept-water'], reopenedCount: 1, resolved: false,
      satisfaction: 'unsatisfied', callbackReached: true, currentUnit: 'bf-d01-s01', level: 'street', stage: 'in-handling',
    });
    const resolvedAgain = [resolved(10), callback(11, true, 'basically-satisfied')].reduce<CaseFactDoc>((f, e) => applyFactEvent(f, e) ?? f, fact);
    expect(resolvedAgain).toMatchObject({ resolved: true, satisfaction: 'basically-satisfied', reopenedCount: 1 });
  });

  it('records an unreached callback and the closure', () => {
    const fact = reduce([registered, dispatched(1), accepted(2), resolved(3), callback(4, false),
      event('case.closed', 5, { stage: 'closed', level: 'community', unitId: 'bf-d01-s01-c01', sla: null, reason: 'callback-unreachable' })]);
    expect(fact).toMatchObject({ callbackReached: false, satisfaction: 'unreached', closedAt: new Date(at(5)), closureReason: 'callback-unreachable', stage: 'closed' });
  });

  it('treats a direct answer as a response and resolution on time', () => {
    const fact = reduce([registered, event('case.closed', 1, { stage: 'closed', level: null, unitId: null, sla: null, reason: 'direct-answer', answer: '已答复' })]);
    expect(fact).toMatchObject({ responded: true, respondedOnTime: true, resolved: true, resolvedOnTime: true, resolvedAt: new Date(at(1)) });
  });

  it('is idempotent: a redelivered or older event changes nothing, and registration applies once', () => {
    const fact = reduce([registered, dispatched(1), event('case.returned', 2, { stage: 'returned', level: null, unitId: null, sla: null, fromUnitId: 'x', reason: 'r' })]);
    expect(applyFactEvent(fact, event('case.returned', 2, { stage: 'returned', level: null, unitId: null, sla: null, fromUnitId: 'x', reason: 'r' }))).toBeUndefined();
    expect(applyFactEvent(fact, dispatched(1))).toBeUndefined();
    expect(applyFactEvent(fact, registered)).toBeUndefined();
    // registration arriving after the dispatch only fills what is missing
    const late = reduce([dispatched(1), registered]);
    expect(late).toMatchObject({ lastSequence: 1, streetId: 'bf-d01-s01', channel: 'hotline', registeredAt: new Date(at(0)) });
  });

  it('marks a merged duplicate', () => {
    expect(reduce([registered, event('case.merged', 1, { stage: 'merged', level: null, unitId: null, sla: null, masterCaseNumber: '20261128-000001' })]).merged).toBe(true);
  });

  it('follows a re-dispatch to another street', () => {
    const moved = reduce([registered, event('case.dispatched', 1, {
      stage: 'dispatched', level: 'street', unitId: 'bf-d01-s02', sla: sla('acceptance'), route: { streetId: 'bf-d01-s02' }, assigneeUnitId: 'bf-d01-s02', redispatch: true,
    })]);
    expect(moved).toMatchObject({ streetId: 'bf-d01-s02', communityId: null, gridId: null });
    expect(moved.orgPath).toEqual(expect.arrayContaining(['bf-d01-s01', 'bf-d01-s02']));
  });
});
