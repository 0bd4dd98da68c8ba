// The escalation ladder on the time-skipping server: community → street → departments (child workflows) →
// supervision, the 80 % warning, parallel summonses and refusals. Dates are fixed in 2099 (see the test kit).
import { type EventEnvelope } from '@civicflow/contracts';
import { recordHistoryIfAsked } from '@civicflow/testing';
import {
  acceptUpdate,
  answerUpdate,
  caseStatusQuery,
  caseTimelineQuery,
  decideRefusalUpdate,
  escalateUpdate,
  recordCallbackUpdate,
  refuseUpdate,
  reportInUpdate,
  resolveUpdate,
  summonDepartmentsUpdate,
} from '../src/case/case.contract';
import { summonsStatusQuery } from '../src/summons/department-summons.contract';
import { ACTORS, at, caseInput, type CaseTestKit, createCaseTestKit, HISTORIES, lastOf, minutes, rejectionOf } from './support/case-test-kit';


describe('caseWorkflow: the escalation ladder (time-skipping)', () => {
  let kit: CaseTestKit;

  beforeAll(async () => {
    kit = await createCaseTestKit();
  });

  afterAll(async () => {
    await kit?.teardown();
  });

  it('climbs community → street → two departments → supervision on a department breach, then resolves and closes', async () => {
    const caseNumber = '20990302-000001';
    await kit.skipTo('2099-03-02', '09:00'); // a Monday
    const handle = await kit.start(caseInput(caseNumber));
    expect(kit.types(caseNumber)).toEqual(['case.registered', 'case.dispatched']);
    const dispatched = lastOf<{ sla: { window: string; deadline: string; warningAt: string } }>(kit, caseNumber, 'case.dispatched');
    expect(dispatched.id).toBe(`${caseNumber}:1:case.dispatched`);
    expect(minutes(dispatched.data.sla)).toMatchObject({ window: 'acceptance', deadline: at('2099-03-02', '11:00'), warningAt: at('2099-03-02', '10:36') });

    await kit.skipTo('2099-03-02', '09:30');
    const accepted = await handle.executeUpdate(acceptUpdate, { args: [{ actor: ACTORS.community }] });
    expect(accepted.events).toEqual(['case.accepted']);
    expect(minutes(accepted.view.clocks[0])).toMatchObject({ window: 'community-handling', deadline: at('2099-03-05', '09:30') });

    await kit.skipTo('2099-03-02', '10:00');
    await handle.executeUpdate(escalateUpdate, { args: [{ actor: ACTORS.community, note: '需城管、房管部门执法' }] });
    await kit.settled(handle);
    const description = await handle.describe();
    expect(description.searchAttributes).toMatchObject({ CaseLevel: ['street'], CurrentUnit: ['xinhua'], CaseStage: ['in-handling'], StreetId: ['xinhua'] });

    await kit.skipTo('2099-03-02', '10:30');
    const summoned = await handle.executeUpdate(summonDepartmentsUpdate, { args: [{ actor: ACTORS.street, departmentIds: ['urban-management', 'city-housing'] }] });
    expect(summoned.view.level).toBe('department');
    expect(minutes(summoned.view.summonses.map((s) => [s.summonsId, s.clock?.deadline]))).toEqual([
      [`${caseNumber}:summons:urban-management:1`, at('2099-03-02', '14:00')],
      [`${caseNumber}:summons:city-housing:1`, at('2099-03-02', '14:00')],
    ]);
    await kit.settled(handle);
    const housingSummons = kit.env.client.workflow.getHandle(`${caseNumber}:summons:city-housing:1`);
    expect(await housingSummons.query(summonsStatusQuery)).toMatchObject({ status: 'summoned', departmentId: 'city-housing', n: 1 });

    await kit.skipTo('2099-03-02', '11:00');
    await handle.executeUpdate(reportInUpdate, { args: [{ actor: ACTORS.urbanManagement, departmentId: 'urban-management' }] });
    const reported = await handle.executeUpdate(reportInUpdate, { args: [{ actor: ACTORS.housing, departmentId: 'city-housing' }] });
    expect(minutes(reported.view.summonses[1].clock)).toMatchObject({ window: 'department-answer', deadline: at('2099-03-05', '11:00'), warningAt: at('2099-03-04', '15:18') });

    await kit.skipTo('2099-03-04', '10:00');
    await handle.executeUpdate(answerUpdate, { args: [{ actor: ACTORS.urbanManagement, departmentId: 'urban-management', plan: '当日补装井盖', result: '已补装' }] });
    await kit.settled(handle);

    // the housing department lets its answer window run out: warning at 80 %, breach at 100 % → 督办
    await kit.skipTo('2099-03-05', '12:00');
    const view = await kit.settled(handle);
    const warning = lastOf<{ departmentId: string; window: string }>(kit, caseNumber, 'case.sla-warning');
    expect(minutes(warning.time)).toBe(at('2099-03-04', '15:18'));
    expect(warning.data).toMatchObject({ departmentId: 'city-housing', window: 'department-answer' });
    const breach = lastOf<{ action: string; deadline: string }>(kit, caseNumber, 'case.sla-breached');
    expect(minutes(breach.time)).toBe(at('2099-03-05', '11:00'));
    expect(minutes(breach.data)).toMatchObject({ departmentId: 'city-housing', action: 'supervision', deadline: at('2099-03-05', '11:00') });
    expect(breach.actor).toEqual({ userId: 'case-workflow', role: 'system' });
    const notice = lastOf<{ automatic: boolean; departmentId: string; level: string }>(kit, caseNumber, 'case.supervision-issued');
    expect(notice.data).toMatchObject({ automatic: true, departmentId: 'city-housing', level: 'supervision' });
    expect(notice.causationId).toBe(breach.id);
    expect(view.level).toBe('supervision');
    expect((await handle.describe()).searchAttributes).toMatchObject({ CaseLevel: ['supervision'], SlaBreached: [true] });

    await kit.skipTo('2099-03-05', '14:00');
    await handle.executeUpdate(answerUpdate, { args: [{ actor: ACTORS.housing, departmentId: 'city-housing', plan: '约谈物业', result: '物业已整改' }] });
    await kit.skipTo('2099-03-05', '15:00');
    const resolved = await handle.executeUpdate(resolveUpdate, { args: [{ actor: ACTORS.street, summary: '井盖已补装，物业已整改' }] });
    expect(resolved.events).toEqual(['case.resolved', 'case.callback-due']);
    await kit.skipTo('2099-03-06', '10:00');
    await handle.executeUpdate(recordCallbackUpdate, { args: [{ actor: ACTORS.operator, reached: true, satisfaction: 'satisfied', callbackId: 'cb-1' }] });
    const final = await kit.result(handle);
    expect(final).toMatchObject({ stage: 'closed', level: 'supervision', closure: { reason: 'callback-completed' } });

    expect(kit.types(caseNumber)).toEqual([
      'case.registered',
      'case.dispatched',
      'case.accepted',
      'case.escalated',
      'case.departments-summoned',
      'case.department-reported-in',
      'case.department-reported-in',
      'case.department-answered',
      'case.sla-warning',
      'case.sla-breached',
      'case.supervision-issued',
      'case.department-answered',
      'case.resolved',
      'case.callback-due',
      'case.callback-recorded',
      'case.closed',
    ]);
    const events = kit.events(caseNumber);
    expect(events.slice(1).map((e) => (e.data as { sequence: number }).sequence)).toEqual(events.slice(1).map((_, i) => i + 1));
    expect(events.slice(1).every((e: EventEnvelope) => e.id === `${caseNumber}:${(e.data as { sequence: number }).sequence}:${e.type}`)).toBe(true);
    expect(minutes(lastOf(kit, caseNumber, 'case.resolved').data)).toMatchObject({ level: 'supervision', unitId: 'xinhua', callbackDueAt: at('2099-03-06', '15:00') });
    expect(lastOf(kit, caseNumber, 'case.callback-recorded').data).toMatchObject({ reached: true, satisfaction: 'satisfied', callbackId: 'cb-1', attempt: 1 });
    expect((await handle.query(caseTimelineQuery)).map((entry) => entry.type)).toContain('case.supervision-issued');
    expect(await kit.result(housingSummons)).toMatchObject({ outcome: 'answered', departmentId: 'city-housing' });

    await recordHistoryIfAsked(handle, HISTORIES, 'ladder-to-supervision');
    await recordHistoryIfAsked(housingSummons, HISTORIES, 'ladder-to-supervision-summons');
  });
});
