// The escalation ladder on the time-skipping server: community → street → departments (child workflows) →
// supervision, the 80 % warning, parallel summonses and refusals. Dates are fixed in 2099 (see the test kit).
import { type EventEnvelope } from '@civicflow/contracts';
import { recordHistoryIfAsked } from '@civicflow/testing';
import {
  acceptUpdate,
  answerUpdate,
  caseTimelineQuery,
  decideRefusalUpdate,
  escalateUpdate,
  recordCallbackUpdate,
  refuseUpdate,
  releaseSummonsUpdate,
  reportInUpdate,
  resolveUpdate,
  resumeUpdate,
  summonDepartmentsUpdate,
  suspendUpdate,
  withdrawSummonsUpdate,
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

  const slaEventsOf = (caseNumber: string) =>
    kit.events(caseNumber).filter((e) => e.type === 'case.sla-warning' || e.type === 'case.sla-breached').map((e) => ({ type: e.type, time: e.time.slice(0, 16) }));

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

  it('lets parallel summonses report in and answer in any order; the street resolves only when all have answered', async () => {
    const caseNumber = '20990309-000001';
    await kit.skipTo('2099-03-09', '09:00'); // Monday
    const handle = await kit.start(caseInput(caseNumber));
    await kit.skipTo('2099-03-09', '09:10');
    await handle.executeUpdate(acceptUpdate, { args: [{ actor: ACTORS.community }] });
    await handle.executeUpdate(escalateUpdate, { args: [{ actor: ACTORS.community }] });
    await kit.skipTo('2099-03-09', '09:20');
    await handle.executeUpdate(summonDepartmentsUpdate, { args: [{ actor: ACTORS.street, departmentIds: ['urban-management', 'city-housing', 'water-affairs'] }] });
    const summons = (department: string) => kit.env.client.workflow.getHandle(`${caseNumber}:summons:${department}:1`);

    // a department acts only for itself, and only in its summons' order
    expect(await rejectionOf(handle.executeUpdate(reportInUpdate, { args: [{ actor: ACTORS.water, departmentId: 'city-housing' }] }))).toMatchObject({ reason: { code: 'NOT_ASSIGNEE' } });
    expect(await rejectionOf(handle.executeUpdate(answerUpdate, { args: [{ actor: ACTORS.water, departmentId: 'water-affairs', plan: 'p', result: 'r' }] }))).toMatchObject({
      reason: { code: 'SUMMONS_IN_WRONG_STATE' },
    });

    for (const [time, actor, department] of [
      ['09:30', ACTORS.water, 'water-affairs'],
      ['09:40', ACTORS.housing, 'city-housing'],
      ['09:50', ACTORS.urbanManagement, 'urban-management'],
    ] as const) {
      await kit.skipTo('2099-03-09', time);
      await handle.executeUpdate(reportInUpdate, { args: [{ actor, departmentId: department }] });
    }
    await kit.skipTo('2099-03-10', '10:00');
    await handle.executeUpdate(answerUpdate, { args: [{ actor: ACTORS.housing, departmentId: 'city-housing', plan: '协调物业', result: '已协调' }] });
    await kit.skipTo('2099-03-10', '11:00');
    await handle.executeUpdate(answerUpdate, { args: [{ actor: ACTORS.water, departmentId: 'water-affairs', plan: '检修管网', result: '已检修' }] });
    expect(await kit.result(summons('water-affairs'))).toMatchObject({ outcome: 'answered' });
    expect(await kit.result(summons('city-housing'))).toMatchObject({ outcome: 'answered' });
    expect((await summons('urban-management').describe()).status.name).toBe('RUNNING');

    const outstanding = await rejectionOf(handle.executeUpdate(resolveUpdate, { args: [{ actor: ACTORS.street, summary: '已办结' }] }));
    expect(outstanding.reason).toMatchObject({ code: 'DEPARTMENTS_OUTSTANDING', zh: expect.stringContaining('城市管理综合执法局'), en: expect.stringContaining('Urban Management') });

    await kit.skipTo('2099-03-10', '14:00');
    await handle.executeUpdate(answerUpdate, { args: [{ actor: ACTORS.urbanManagement, departmentId: 'urban-management', plan: '补装井盖', result: '已补装' }] });
    const resolved = await handle.executeUpdate(resolveUpdate, { args: [{ actor: ACTORS.street, summary: '三部门均已答复，问题解决' }] });
    expect(resolved.view).toMatchObject({ stage: 'resolved', level: 'department' });
    expect(resolved.view.summonses.map((s) => s.status)).toEqual(['answered', 'answered', 'answered']);
    await kit.settled(handle);
    const order = kit.events(caseNumber).filter((e) => e.type.startsWith('case.department-')).map((e) => `${e.type.slice(16)}:${(e.data as { departmentId: string }).departmentId}`);
    expect(order).toEqual([
      'reported-in:water-affairs',
      'reported-in:city-housing',
      'reported-in:urban-management',
      'answered:city-housing',
      'answered:water-affairs',
      'answered:urban-management',
    ]);
    expect(slaEventsOf(caseNumber)).toEqual([]);
    await recordHistoryIfAsked(handle, HISTORIES, 'parallel-summonses');
    await handle.terminate('scenario over');
  });

  it('lets the street overrule a refusal (the department starts over) and a supervisor accept one (the department is released)', async () => {
    const caseNumber = '20990316-000002';
    await kit.skipTo('2099-03-16', '09:00'); // Monday
    const handle = await kit.start(caseInput(caseNumber));
    await handle.executeUpdate(acceptUpdate, { args: [{ actor: ACTORS.community }] });
    await handle.executeUpdate(escalateUpdate, { args: [{ actor: ACTORS.community }] });
    await kit.skipTo('2099-03-16', '09:20');
    await handle.executeUpdate(summonDepartmentsUpdate, { args: [{ actor: ACTORS.street, departmentIds: ['city-housing', 'urban-management'] }] });

    await kit.skipTo('2099-03-16', '10:00');
    const refused = await handle.executeUpdate(refuseUpdate, { args: [{ actor: ACTORS.housing, departmentId: 'city-housing', reason: '不属于本部门职责' }] });
    expect(refused.view.summonses[0]).toMatchObject({ status: 'refusal-pending', refusal: { reason: '不属于本部门职责' }, clock: null });
    expect(await rejectionOf(handle.executeUpdate(decideRefusalUpdate, { args: [{ actor: ACTORS.community, departmentId: 'city-housing', decision: 'overrule' }] }))).toMatchObject({
      reason: { code: 'NOT_ASSIGNEE' },
    });
    await kit.skipTo('2099-03-16', '10:30');
    const overruled = await handle.executeUpdate(decideRefusalUpdate, { args: [{ actor: ACTORS.street, departmentId: 'city-housing', decision: 'overrule', note: '窨井盖产权属房管' }] });
    expect(minutes(overruled.view.summonses[0])).toMatchObject({ status: 'summoned', clock: { window: 'department-report-in', deadline: at('2099-03-16', '14:00') } });

    await kit.skipTo('2099-03-16', '11:00');
    await handle.executeUpdate(reportInUpdate, { args: [{ actor: ACTORS.housing, departmentId: 'city-housing' }] });
    await handle.executeUpdate(reportInUpdate, { args: [{ actor: ACTORS.urbanManagement, departmentId: 'urban-management' }] });
    await kit.skipTo('2099-03-16', '11:30');
    await handle.executeUpdate(refuseUpdate, { args: [{ actor: ACTORS.urbanManagement, departmentId: 'urban-management', reason: '已由房管部门负责' }] });
    const released = await handle.executeUpdate(decideRefusalUpdate, { args: [{ actor: ACTORS.supervisor, departmentId: 'urban-management', decision: 'accept' }] });
    expect(released.view.summonses[1]).toMatchObject({ status: 'released', clock: null });
    expect(await kit.result(kit.env.client.workflow.getHandle(`${caseNumber}:summons:urban-management:1`))).toMatchObject({ outcome: 'released' });

    await kit.skipTo('2099-03-17', '10:00');
    await handle.executeUpdate(answerUpdate, { args: [{ actor: ACTORS.housing, departmentId: 'city-housing', plan: '更换井盖', result: '已更换' }] });
    const resolved = await handle.executeUpdate(resolveUpdate, { args: [{ actor: ACTORS.street, summary: '房管部门已更换井盖' }] });
    expect(resolved.view.stage).toBe('resolved');
    await kit.settled(handle);
    const decisions = kit.events(caseNumber).filter((e) => e.type === 'case.refusal-decided').map((e) => minutes(e.data as Record<string, unknown>));
    expect(decisions).toMatchObject([
      { departmentId: 'city-housing', decision: 'overruled', note: '窨井盖产权属房管', departmentSla: { window: 'department-report-in', deadline: at('2099-03-16', '14:00') } },
      { departmentId: 'urban-management', decision: 'accepted', departmentSla: null },
    ]);
    expect(kit.events(caseNumber).filter((e) => e.type === 'case.refusal-decided').map((e) => e.actor?.role)).toEqual(['street-coordinator', 'supervisor']);
    await recordHistoryIfAsked(handle, HISTORIES, 'refusal-overruled-and-accepted');
    await handle.terminate('scenario over');
  });

  it('pauses the summoned departments\' clocks too while the case is suspended', async () => {
    const caseNumber = '20990323-000001';
    await kit.skipTo('2099-03-23', '09:00'); // Monday
    const handle = await kit.start(caseInput(caseNumber));
    await handle.executeUpdate(acceptUpdate, { args: [{ actor: ACTORS.community }] });
    await handle.executeUpdate(escalateUpdate, { args: [{ actor: ACTORS.community }] });
    await kit.skipTo('2099-03-23', '10:30');
    await handle.executeUpdate(summonDepartmentsUpdate, { args: [{ actor: ACTORS.street, departmentIds: ['water-affairs'] }] });
    await kit.skipTo('2099-03-23', '11:00'); // 30 of the 120 report-in minutes used
    const suspended = await handle.executeUpdate(suspendUpdate, { args: [{ actor: ACTORS.street, reason: '等待上级批复' }] });
    expect(suspended.view.summonses[0].clock).toMatchObject({ paused: true, deadline: null });
    expect(await rejectionOf(handle.executeUpdate(reportInUpdate, { args: [{ actor: ACTORS.water, departmentId: 'water-affairs' }] }))).toMatchObject({ reason: { code: 'CASE_SUSPENDED' } });

    await kit.skipTo('2099-03-25', '10:00'); // the report-in window would have run out on Monday
    await kit.settled(handle);
    expect(slaEventsOf(caseNumber)).toEqual([]);
    const summons = kit.env.client.workflow.getHandle(`${caseNumber}:summons:water-affairs:1`);
    expect((await summons.query(summonsStatusQuery)).clock).toMatchObject({ paused: true, breachAt: null });

    const resumed = await handle.executeUpdate(resumeUpdate, { args: [{ actor: ACTORS.street }] });
    expect(minutes(resumed.view.summonses[0].clock)).toMatchObject({ paused: false, deadline: at('2099-03-25', '11:30') });
    await kit.skipTo('2099-03-25', '11:35');
    await kit.settled(handle);
    expect(slaEventsOf(caseNumber).map((e) => `${e.type}@${e.time}`)).toEqual([`case.sla-warning@${at('2099-03-25', '11:06')}`, `case.sla-breached@${at('2099-03-25', '11:30')}`]);
    await handle.terminate('scenario over');
    await summons.terminate('scenario over');
  });

  it('lets a supervisor release a department silent past its report-in window and 督办; the street resolves and the callback closes the case', async () => {
    const caseNumber = '20990330-000001';
    await kit.skipTo('2099-03-30', '09:00'); // Monday
    const handle = await kit.start(caseInput(caseNumber));
    await handle.executeUpdate(acceptUpdate, { args: [{ actor: ACTORS.community }] });
    await handle.executeUpdate(escalateUpdate, { args: [{ actor: ACTORS.community }] });
    await kit.skipTo('2099-03-30', '09:20');
    await handle.executeUpdate(summonDepartmentsUpdate, { args: [{ actor: ACTORS.street, departmentIds: ['urban-management', 'city-housing'] }] });
    await kit.skipTo('2099-03-30', '09:30');
    await handle.executeUpdate(reportInUpdate, { args: [{ actor: ACTORS.urbanManagement, departmentId: 'urban-management' }] });
    await kit.skipTo('2099-03-30', '10:00');
    await handle.executeUpdate(answerUpdate, { args: [{ actor: ACTORS.urbanManagement, departmentId: 'urban-management', plan: '补装井盖', result: '已补装' }] });

    // the housing department never reports in: its window runs out at 11:20, the workflow issues 督办
    await kit.skipTo('2099-03-30', '11:30');
    const breachedView = await kit.settled(handle);
    expect(breachedView.summonses[1]).toMatchObject({ departmentId: 'city-housing', status: 'summoned', breached: true });
    expect(lastOf(kit, caseNumber, 'case.supervision-issued').data).toMatchObject({ automatic: true, departmentId: 'city-housing' });
    const release = { actor: ACTORS.supervisor, departmentId: 'city-housing', reason: '部门超时未报到，督办无果，解除' };
    // the old dead end: nothing but the release lets the street resolve
    expect(await rejectionOf(handle.executeUpdate(resolveUpdate, { args: [{ actor: ACTORS.street, summary: '已办结' }] }))).toMatchObject({ reason: { code: 'DEPARTMENTS_OUTSTANDING' } });
    expect(await rejectionOf(handle.executeUpdate(decideRefusalUpdate, { args: [{ actor: ACTORS.supervisor, departmentId: 'city-housing', decision: 'accept' }] }))).toMatchObject({
      reason: { code: 'SUMMONS_IN_WRONG_STATE' },
    });
    expect(await rejectionOf(handle.executeUpdate(releaseSummonsUpdate, { args: [{ ...release, actor: ACTORS.street }] }))).toMatchObject({ reason: { code: 'ROLE_NOT_ALLOWED' } });

    await kit.skipTo('2099-03-30', '14:00');
    const released = await handle.executeUpdate(releaseSummonsUpdate, { args: [release] });
    expect(released.events).toEqual(['case.summons-ended']);
    expect(released.view.summonses[1]).toMatchObject({ status: 'released', breached: true, clock: null, ending: { reason: release.reason, byRole: 'supervisor' } });
    expect(await kit.result(kit.env.client.workflow.getHandle(`${caseNumber}:summons:city-housing:1`))).toMatchObject({ outcome: 'released' });
    await kit.settled(handle);
    expect(lastOf(kit, caseNumber, 'case.summons-ended').data).toMatchObject({
      departmentId: 'city-housing', summonsId: `${caseNumber}:summons:city-housing:1`, ending: 'released', breached: true, statusBefore: 'summoned', reason: release.reason,
    });

    await kit.skipTo('2099-03-30', '15:00');
    await handle.executeUpdate(resolveUpdate, { args: [{ actor: ACTORS.street, summary: '城管已补装井盖' }] });
    await kit.skipTo('2099-03-31', '10:00');
    await handle.executeUpdate(recordCallbackUpdate, { args: [{ actor: ACTORS.operator, reached: true, satisfaction: 'satisfied', callbackId: 'cb-release' }] });
    expect(await kit.result(handle)).toMatchObject({ stage: 'closed', closure: { reason: 'callback-completed' } });
    expect(kit.types(caseNumber).slice(4)).toEqual([
      'case.departments-summoned',
      'case.department-reported-in',
      'case.department-answered',
      'case.sla-warning',
      'case.sla-breached',
      'case.supervision-issued',
      'case.summons-ended',
      'case.resolved',
      'case.callback-due',
      'case.callback-recorded',
      'case.closed',
    ]);
    await recordHistoryIfAsked(handle, HISTORIES, 'summons-released');
  });

  it('lets the street withdraw a summons before its answer (撤回, with a reason); a release needs a breach first', async () => {
    const caseNumber = '20990331-000001';
    await kit.skipTo('2099-03-31', '11:00'); // Tuesday
    const handle = await kit.start(caseInput(caseNumber));
    await handle.executeUpdate(acceptUpdate, { args: [{ actor: ACTORS.community }] });
    await handle.executeUpdate(escalateUpdate, { args: [{ actor: ACTORS.community }] });
    await handle.executeUpdate(summonDepartmentsUpdate, { args: [{ actor: ACTORS.street, departmentIds: ['urban-management', 'city-housing'] }] });
    await kit.skipTo('2099-03-31', '11:10');
    await handle.executeUpdate(reportInUpdate, { args: [{ actor: ACTORS.housing, departmentId: 'city-housing' }] });
    const withdrawal = { actor: ACTORS.street, departmentId: 'city-housing', reason: '已由城管处置，无需住建' };
    expect(await rejectionOf(handle.executeUpdate(releaseSummonsUpdate, { args: [{ ...withdrawal, actor: ACTORS.supervisor }] }))).toMatchObject({ reason: { code: 'SUMMONS_NOT_BREACHED' } });
    expect(await rejectionOf(handle.executeUpdate(withdrawSummonsUpdate, { args: [{ ...withdrawal, reason: '' }] }))).toMatchObject({ reason: { code: 'TEXT_REQUIRED' } });

    await kit.skipTo('2099-03-31', '11:20');
    const withdrawn = await handle.executeUpdate(withdrawSummonsUpdate, { args: [withdrawal] });
    expect(withdrawn.view.summonses[1]).toMatchObject({ status: 'withdrawn', clock: null, ending: { reason: withdrawal.reason, byRole: 'street-coordinator' } });
    expect(await kit.result(kit.env.client.workflow.getHandle(`${caseNumber}:summons:city-housing:1`))).toMatchObject({ outcome: 'withdrawn' });
    await handle.executeUpdate(reportInUpdate, { args: [{ actor: ACTORS.urbanManagement, departmentId: 'urban-management' }] });
    await handle.executeUpdate(answerUpdate, { args: [{ actor: ACTORS.urbanManagement, departmentId: 'urban-management', plan: '补装井盖', result: '已补装' }] });
    const resolved = await handle.executeUpdate(resolveUpdate, { args: [{ actor: ACTORS.street, summary: '城管已补装井盖' }] });
    expect(resolved.view.stage).toBe('resolved');
    await kit.settled(handle);
    expect(lastOf(kit, caseNumber, 'case.summons-ended').data).toMatchObject({ departmentId: 'city-housing', ending: 'withdrawn', breached: false, statusBefore: 'reported-in' });
    expect(lastOf(kit, caseNumber, 'case.summons-ended').actor).toMatchObject({ role: 'street-coordinator' });
    await recordHistoryIfAsked(handle, HISTORIES, 'summons-withdrawn');
    await handle.terminate('scenario over');
  });
});
