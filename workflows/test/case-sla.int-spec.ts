// SLA clocks on the time-skipping server: the 80 % warning, every breach and what follows it, suspension
// across a weekend and a public holiday (中秋 2099-09-25, from the 2099 override table), the suspension limit,
// and extensions. Working time: 09:00–12:00 and 13:30–17:30, so one working day is 7 hours.
import { recordHistoryIfAsked } from '@civicflow/testing';
import {
  acceptUpdate,
  caseStatusQuery,
  decideExtensionUpdate,
  escalateUpdate,
  reportInUpdate,
  requestExtensionUpdate,
  resolveUpdate,
  resumeUpdate,
  summonDepartmentsUpdate,
  suspendUpdate,
} from '../src/case/case.contract';
import { ACTORS, at, caseInput, type CaseTestKit, createCaseTestKit, HISTORIES, lastOf, minutes, rejectionOf, schedule2099 } from './support/case-test-kit';

type SlaEvent = { window: string; action?: string; deadline: string | null; departmentId?: string; sla: { window: string } | null };

describe('caseWorkflow: SLA clocks (time-skipping)', () => {
  let kit: CaseTestKit;

  beforeAll(async () => {
    kit = await createCaseTestKit();
  });

  afterAll(async () => {
    await kit?.teardown();
  });

  const slaEvents = (caseNumber: string) =>
    kit
      .events(caseNumber)
      .filter((e) => e.type === 'case.sla-warning' || e.type === 'case.sla-breached')
      .map((e) => ({ type: e.type, time: e.time.slice(0, 16), window: (e.data as SlaEvent).window, action: (e.data as SlaEvent).action, departmentId: (e.data as SlaEvent).departmentId }));

  it('warns at 80 % of the acceptance window, escalates to the street on its breach, and issues 督办 when the street breaches', async () => {
    const caseNumber = '20990302-000002';
    await kit.skipTo('2099-03-02', '09:00'); // Monday
    const handle = await kit.start(caseInput(caseNumber));

    await kit.skipTo('2099-03-02', '10:40');
    await kit.settled(handle);
    expect(slaEvents(caseNumber)).toEqual([{ type: 'case.sla-warning', time: at('2099-03-02', '10:36'), window: 'acceptance', action: undefined, departmentId: undefined }]);
    expect((await handle.query(caseStatusQuery)).clocks[0]).toMatchObject({ window: 'acceptance', status: 'warning', warned: true, breached: false });

    await kit.skipTo('2099-03-02', '11:05');
    const escalatedView = await kit.settled(handle);
    const escalated = lastOf<{ trigger: string; from: string; to: string; sla: { window: string; deadline: string } }>(kit, caseNumber, 'case.escalated');
    expect(minutes(escalated)).toMatchObject({ time: at('2099-03-02', '11:00'), actor: { role: 'system' }, data: { trigger: 'breach', from: 'community', to: 'street', sla: { window: 'street-handling', deadline: at('2099-03-09', '11:00') } } });
    expect(escalatedView).toMatchObject({ level: 'street', currentUnit: 'xinhua', stage: 'in-handling' }); // the street takes over at once, no second 签收
    // the workflow's own note names the window, in words people read (not its code)
    expect(lastOf<{ note?: string }>(kit, caseNumber, 'case.escalated').data.note).toBe('签收超时，自动升级 the acceptance window ran out; escalated automatically');

    await kit.skipTo('2099-03-09', '11:05');
    const view = await kit.settled(handle);
    expect(slaEvents(caseNumber)).toEqual([
      { type: 'case.sla-warning', time: at('2099-03-02', '10:36'), window: 'acceptance', action: undefined, departmentId: undefined },
      { type: 'case.sla-breached', time: at('2099-03-02', '11:00'), window: 'acceptance', action: 'escalated', departmentId: undefined },
      { type: 'case.sla-warning', time: at('2099-03-06', '11:00'), window: 'street-handling', action: undefined, departmentId: undefined },
      { type: 'case.sla-breached', time: at('2099-03-09', '11:00'), window: 'street-handling', action: 'supervision', departmentId: undefined },
    ]);
    expect(lastOf(kit, caseNumber, 'case.supervision-issued').data).toMatchObject({
      automatic: true, level: 'supervision', notice: '街道办理超时，自动督办 the street handling window ran out; supervision notice issued automatically',
    });
    expect(view).toMatchObject({ level: 'supervision', supervisionNotices: 1 });
    expect((await handle.describe()).searchAttributes).toMatchObject({ SlaBreached: [true], CaseLevel: ['supervision'] });
    await recordHistoryIfAsked(handle, HISTORIES, 'acceptance-and-street-breaches-named');
    await handle.terminate('scenario over');
  });

  it('escalates on a community handling breach (3 working days after 签收)', async () => {
    const caseNumber = '20990310-000001';
    await kit.skipTo('2099-03-10', '09:00'); // Tuesday
    const handle = await kit.start(caseInput(caseNumber));
    await kit.skipTo('2099-03-10', '09:10');
    const accepted = await handle.executeUpdate(acceptUpdate, { args: [{ actor: ACTORS.community }] });
    expect(minutes(accepted.view.clocks[0])).toMatchObject({ window: 'community-handling', deadline: at('2099-03-13', '09:10'), warningAt: at('2099-03-12', '11:58') });

    await kit.skipTo('2099-03-13', '09:15');
    await kit.settled(handle);
    expect(slaEvents(caseNumber)).toEqual([
      { type: 'case.sla-warning', time: at('2099-03-12', '11:58'), window: 'community-handling', action: undefined, departmentId: undefined },
      { type: 'case.sla-breached', time: at('2099-03-13', '09:10'), window: 'community-handling', action: 'escalated', departmentId: undefined },
    ]);
    expect(lastOf(kit, caseNumber, 'case.escalated').data).toMatchObject({ trigger: 'breach', from: 'community', level: 'street', unitId: 'xinhua' });
    await handle.terminate('scenario over');
  });

  it('issues 督办 when a summoned department does not report in, and times its answer once it does', async () => {
    const caseNumber = '20990316-000001';
    await kit.skipTo('2099-03-16', '09:00'); // Monday
    const handle = await kit.start(caseInput(caseNumber));
    await handle.executeUpdate(acceptUpdate, { args: [{ actor: ACTORS.community }] });
    await handle.executeUpdate(escalateUpdate, { args: [{ actor: ACTORS.community }] });
    await kit.skipTo('2099-03-16', '10:30');
    await handle.executeUpdate(summonDepartmentsUpdate, { args: [{ actor: ACTORS.street, departmentIds: ['water-affairs'] }] });

    await kit.skipTo('2099-03-16', '14:05'); // 2 working hours: 10:30–12:00 and 13:30–14:00
    await kit.settled(handle);
    expect(slaEvents(caseNumber)).toEqual([
      { type: 'case.sla-warning', time: at('2099-03-16', '13:36'), window: 'department-report-in', action: undefined, departmentId: 'water-affairs' },
      { type: 'case.sla-breached', time: at('2099-03-16', '14:00'), window: 'department-report-in', action: 'supervision', departmentId: 'water-affairs' },
    ]);
    expect(lastOf(kit, caseNumber, 'case.supervision-issued').data).toMatchObject({
      automatic: true, departmentId: 'water-affairs', // not a department type of the vocabulary: the notice names no department rather than its id
      notice: '部门报到超时，自动督办 the department report-in window ran out; supervision notice issued automatically',
    });

    // late, but it reports in: a new window (答复) starts and the summons workflow times that one
    await kit.skipTo('2099-03-16', '15:00');
    const reported = await handle.executeUpdate(reportInUpdate, { args: [{ actor: ACTORS.water, departmentId: 'water-affairs' }] });
    expect(minutes(reported.view.summonses[0].clock)).toMatchObject({ window: 'department-answer', deadline: at('2099-03-19', '15:00'), warned: false, breached: false });
    await kit.settled(handle);
    const summons = kit.env.client.workflow.getHandle(`${caseNumber}:summons:water-affairs:1`);
    const deadline = (await summons.describe()).searchAttributes.SlaDeadline as Date[];
    expect(deadline[0].toISOString().slice(0, 16)).toBe(at('2099-03-19', '15:00'));
    await handle.terminate('scenario over');
    await summons.terminate('scenario over');
  });

  it('announces a callback breach without acting on it', async () => {
    const caseNumber = '20990317-000001';
    await kit.skipTo('2099-03-17', '09:00'); // Tuesday
    const handle = await kit.start(caseInput(caseNumber));
    await handle.executeUpdate(acceptUpdate, { args: [{ actor: ACTORS.community }] });
    await kit.skipTo('2099-03-17', '10:00');
    const resolved = await handle.executeUpdate(resolveUpdate, { args: [{ actor: ACTORS.community, summary: '已补装井盖' }] });
    expect(minutes(resolved.view.clocks[0])).toMatchObject({ window: 'callback', deadline: at('2099-03-18', '10:00') });
    await kit.skipTo('2099-03-18', '10:05');
    const view = await kit.settled(handle);
    expect(slaEvents(caseNumber).map((e) => [e.type, e.window, e.action])).toEqual([
      ['case.sla-warning', 'callback', undefined],
      ['case.sla-breached', 'callback', 'none'],
    ]);
    expect(view).toMatchObject({ stage: 'resolved', level: 'community', supervisionNotices: 0 });
    await handle.terminate('scenario over');
  });

  it('pauses every clock while suspended (挂起) across a weekend and 中秋, and resumes with the lost working time', async () => {
    const caseNumber = '20990922-000001';
    await kit.skipTo('2099-09-22', '09:00'); // Tuesday; 中秋 is Friday 25 September, then the weekend
    const handle = await kit.start(caseInput(caseNumber));
    await kit.skipTo('2099-09-22', '10:00');
    const accepted = await handle.executeUpdate(acceptUpdate, { args: [{ actor: ACTORS.community }] });
    // 21 working hours: Tue 6 + Wed 7 + Thu 7, then 中秋 and the weekend, then 1 on Monday
    expect(minutes(accepted.view.clocks[0])).toMatchObject({ deadline: at('2099-09-28', '10:00'), warningAt: at('2099-09-24', '14:18') });

    await kit.skipTo('2099-09-23', '10:00'); // 7 of 21 working hours used
    const suspended = await handle.executeUpdate(suspendUpdate, { args: [{ actor: ACTORS.community, reason: '等待产权单位确认' }] });
    expect(suspended.view.clocks[0]).toMatchObject({ paused: true, deadline: null, warningAt: null });
    await kit.settled(handle);
    expect(minutes(lastOf(kit, caseNumber, 'case.suspended').data)).toMatchObject({ stage: 'suspended', resumeBy: at('2099-10-23', '10:00'), sla: { paused: true, deadline: null } });
    const whileSuspended = (await handle.describe()).searchAttributes;
    expect(whileSuspended).toMatchObject({ CaseStage: ['suspended'] });
    expect(whileSuspended.SlaDeadline?.[0] ?? null).toBeNull(); // removed (the test server shows [null])

    await kit.skipTo('2099-09-28', '10:00'); // Monday: the old warning and deadline passed while suspended
    await kit.settled(handle);
    expect(slaEvents(caseNumber)).toEqual([]);
    const resumed = await handle.executeUpdate(resumeUpdate, { args: [{ actor: ACTORS.community }] });
    // 14 hours left: Mon 6 + Tue 7 + Wed 1
    expect(minutes(resumed.view.clocks[0])).toMatchObject({ paused: false, deadline: at('2099-09-30', '10:00'), warningAt: at('2099-09-29', '14:18') });
    await kit.settled(handle);
    const resumedEvent = lastOf<{ automatic: boolean; suspendedMs: number }>(kit, caseNumber, 'case.resumed');
    expect(resumedEvent.data.automatic).toBe(false);
    expect(Math.round(resumedEvent.data.suspendedMs / 60_000)).toBe(5 * 24 * 60);

    await kit.skipTo('2099-09-29', '15:00');
    await kit.settled(handle);
    expect(slaEvents(caseNumber)).toEqual([{ type: 'case.sla-warning', time: at('2099-09-29', '14:18'), window: 'community-handling', action: undefined, departmentId: undefined }]);
    await recordHistoryIfAsked(handle, HISTORIES, 'suspension-over-holiday');
    await handle.terminate('scenario over');
  });

  it('moves the deadline by an approved extension (延期), not by a refused one', async () => {
    const caseNumber = '20991012-000001';
    await kit.skipTo('2099-10-12', '09:00'); // Monday after 国庆
    const handle = await kit.start(caseInput(caseNumber));
    await kit.skipTo('2099-10-12', '10:00');
    await handle.executeUpdate(acceptUpdate, { args: [{ actor: ACTORS.community }] }); // due Thursday 10:00
    await kit.skipTo('2099-10-13', '10:00');
    const requested = await handle.executeUpdate(requestExtensionUpdate, { args: [{ actor: ACTORS.community, extra: { basis: 'working', amount: 2, unit: 'days' }, reason: '需采购配件' }] });
    expect(requested.view.pendingExtension).toMatchObject({ reason: '需采购配件' });
    expect(await rejectionOf(handle.executeUpdate(decideExtensionUpdate, { args: [{ actor: ACTORS.street, approved: true }] }))).toMatchObject({ reason: { code: 'ROLE_NOT_ALLOWED' } });
    const approved = await handle.executeUpdate(decideExtensionUpdate, { args: [{ actor: ACTORS.supervisor, approved: true, note: '同意延期两个工作日' }] });
    expect(minutes(approved.view.clocks[0])).toMatchObject({ window: 'community-handling', deadline: at('2099-10-19', '10:00') });

    await handle.executeUpdate(requestExtensionUpdate, { args: [{ actor: ACTORS.community, extra: { basis: 'working', amount: 5, unit: 'days' }, reason: '再等等' }] });
    const refused = await handle.executeUpdate(decideExtensionUpdate, { args: [{ actor: ACTORS.supervisor, approved: false }] });
    expect(minutes(refused.view.clocks[0])).toMatchObject({ deadline: at('2099-10-19', '10:00') });
    await kit.settled(handle);
    expect(kit.types(caseNumber).filter((t) => t.startsWith('case.extension'))).toEqual(['case.extension-requested', 'case.extension-decided', 'case.extension-requested', 'case.extension-decided']);
    expect(minutes(lastOf(kit, caseNumber, 'case.extension-decided').data)).toMatchObject({ approved: false, extra: { amount: 5 }, sla: { deadline: at('2099-10-19', '10:00') } });
    await recordHistoryIfAsked(handle, HISTORIES, 'extension');
    await handle.terminate('scenario over');
  });

  it('resumes by itself when the suspension allowance runs out, and refuses another suspension', async () => {
    const caseNumber = '20991102-000001';
    await kit.skipTo('2099-11-02', '09:00'); // Monday
    const handle = await kit.start(caseInput(caseNumber, { slaProfile: 'life-safety-2h', priority: 'urgent', urgency: 'urgent' })); // 挂起 at most 2 days
    await handle.executeUpdate(acceptUpdate, { args: [{ actor: ACTORS.community }] });
    await kit.skipTo('2099-11-02', '09:30');
    await handle.executeUpdate(suspendUpdate, { args: [{ actor: ACTORS.community, reason: '等待燃气公司抢修' }] });
    await kit.skipTo('2099-11-04', '09:35');
    const view = await kit.settled(handle);
    expect(view).toMatchObject({ stage: 'in-handling', suspension: { suspended: false } });
    expect(Math.round(view.suspension.totalMs / 60_000)).toBe(2 * 24 * 60);
    expect(minutes(lastOf(kit, caseNumber, 'case.resumed'))).toMatchObject({ time: at('2099-11-04', '09:30'), actor: { role: 'system' }, data: { automatic: true } });
    expect(await rejectionOf(handle.executeUpdate(suspendUpdate, { args: [{ actor: ACTORS.community, reason: '再挂起' }] }))).toMatchObject({ reason: { code: 'SUSPENSION_LIMIT_REACHED' } });
    await handle.terminate('scenario over');
  });

  it('acts on today\'s calendar when a deadline comes: a day off entered after the deadline was computed moves it', async () => {
    const caseNumber = '20991109-000001';
    await kit.skipTo('2099-11-09', '09:00'); // Monday
    const handle = await kit.start(caseInput(caseNumber));
    await kit.skipTo('2099-11-09', '10:00');
    const accepted = await handle.executeUpdate(acceptUpdate, { args: [{ actor: ACTORS.community }] });
    expect(minutes(accepted.view.clocks[0])).toMatchObject({ deadline: at('2099-11-12', '10:00'), warningAt: at('2099-11-11', '14:18') });

    // Tuesday: the city gives Wednesday off (本市调休), after the deadline was computed
    await kit.skipTo('2099-11-10', '12:00');
    const table = schedule2099();
    kit.setCalendar({ ...table, days: [{ date: '2099-11-11', working: false, note: '本市临时调休' }] });
    await kit.skipTo('2099-11-11', '15:00');
    const view = await kit.settled(handle);
    expect(slaEvents(caseNumber)).toEqual([]);
    expect(minutes(view.clocks[0])).toMatchObject({ deadline: at('2099-11-13', '10:00'), warningAt: at('2099-11-12', '14:18'), warned: false });
    await kit.skipTo('2099-11-12', '14:30');
    await kit.settled(handle);
    expect(slaEvents(caseNumber)).toEqual([{ type: 'case.sla-warning', time: at('2099-11-12', '14:18'), window: 'community-handling', action: undefined, departmentId: undefined }]);
    kit.setCalendar(table);
    await handle.terminate('scenario over');
  });

  it('shows a calendar that cannot be read as a problem on the clock and recovers within the hour', async () => {
    const caseNumber = '20991230-000001';
    await kit.skipTo('2099-12-30', '09:00'); // Wednesday
    const handle = await kit.start(caseInput(caseNumber));
    await kit.skipTo('2099-12-30', '10:00');
    kit.failCalendar(true); // the calendar's source is down (three quick attempts of the local activity fail)
    const accepted = await handle.executeUpdate(acceptUpdate, { args: [{ actor: ACTORS.community }] });
    expect(accepted.view.clocks[0]).toMatchObject({ window: 'community-handling', deadline: null, calendarProblem: { code: 'CALENDAR_UNAVAILABLE' } });
    await kit.settled(handle);
    expect(lastOf(kit, caseNumber, 'case.accepted').data).toMatchObject({ sla: { deadline: null, calendarProblem: 'CALENDAR_UNAVAILABLE' } });

    kit.failCalendar(false);
    await kit.skipTo('2099-12-30', '11:05');
    const view = await kit.settled(handle);
    expect(view.clocks[0].calendarProblem).toBeUndefined();
    // Wed 6 h + Thu 7 h, Fri 2100-01-01 off (元旦: 2100 has no arrangement, so the law's, provisional), Mon 7 h, Tue 1 h
    expect(minutes(view.clocks[0])).toMatchObject({ deadline: at('2100-01-05', '10:00'), provisional: true });
    expect((await handle.describe()).searchAttributes.SlaDeadline?.[0]).toEqual(new Date(view.clocks[0].deadline!));
    await recordHistoryIfAsked(handle, HISTORIES, 'calendar-unavailable-recovers');
    await handle.terminate('scenario over');
  });
});
