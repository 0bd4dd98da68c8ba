// The business calendar under running cases, on the time-skipping server: a deadline that runs into a year
// without an official holiday arrangement is computed from the law and marked provisional; when an
// administrator enters the year (a calendarChanged signal with the calendar's new version) the case recomputes
// inside its workflow, says so in its timeline, and shows the deadline as official; a later correction that
// moves the deadline before "now" breaches at once, once; a breach that fired is never undone.
//
// 2099 stands in for 2026 (same weekdays; the kit's calendar has the 2026 arrangement on 2099 dates) and 2100
// for 2027: 2099-12-24 is a Thursday like 2026-12-24, 2100-01-01 a Friday like 2027-01-01. The 2100
// arrangements below are FICTIONAL test fixtures, not any State Council notice.
import type { WorkflowHandle } from '@temporalio/client';
import { eventually, recordHistoryIfAsked } from '@civicflow/testing';
import { workingDays } from '@civicflow/domain';
import { withProfiles } from '../src/sla/sla-profiles.file';
import { acceptUpdate, calendarChangedSignal, caseStatusQuery, caseTimelineQuery, escalateUpdate, reportInUpdate, resolveUpdate, summonDepartmentsUpdate } from '../src/case/case.contract';
import { ACTORS, at, caseInput, type CaseTestKit, createCaseTestKit, HISTORIES, lastOf, minutes, schedule2099 } from './support/case-test-kit';

/** FICTIONAL 2100 arrangement (test fixture): 元旦 Friday 01-01 to Monday 01-04 off, Saturday 01-09 worked. */
const FICTIONAL_2100 = { year: 2100, holidays: ['2100-01-01', '2100-01-02', '2100-01-03', '2100-01-04'], makeUpWorkdays: ['2100-01-09'], note: 'FICTIONAL test arrangement 虚构的测试安排' };
/** FICTIONAL correction of it: Monday 01-04 is a working day after all. */
const FICTIONAL_2100_CORRECTED = { ...FICTIONAL_2100, holidays: ['2100-01-01', '2100-01-02', '2100-01-03'], makeUpWorkdays: [] };

describe('caseWorkflow: deadlines follow the business calendar (time-skipping)', () => {
  let kit: CaseTestKit;
  const withYear = (entry: typeof FICTIONAL_2100) => ({ years: [...(schedule2099().years ?? []), entry] });

  beforeAll(async () => {
    // a 7-working-day community window (一般诉求7个工作日), as the scenario has it
    kit = await createCaseTestKit({ slaProfiles: withProfiles({ 'ordinary-7d': { zh: '一般诉求7个工作日', en: 'ordinary 7 working days', ...sevenDays() } }) });
  });

  afterAll(async () => {
    await kit?.teardown();
  });

  /**
   * What casework's fan-out does for one case: the calendarChanged signal with the calendar's current version —
   * and, since a signal returns before the workflow handled it, waits for a workflow task completed after it.
   */
  async function announce(handle: WorkflowHandle, year: number): Promise<void> {
    await handle.signal(calendarChangedSignal, { year, version: kit.calendarVersion() });
    await eventually(async () => {
      const events = (await handle.fetchHistory()).events ?? [];
      const signalled = events.map((e) => e.workflowExecutionSignaledEventAttributes?.signalName).lastIndexOf('calendarChanged');
      return events.slice(signalled + 1).some((e) => e.workflowTaskCompletedEventAttributes) ? true : undefined;
    }, { what: 'the workflow to handle the calendar change', intervalMs: 25 });
  }

  const breaches = (caseNumber: string) => kit.events(caseNumber).filter((e) => e.type === 'case.sla-breached');

  it('computes a provisional deadline across the year boundary, recomputes it when the year is entered, and breaches once when a correction moves it before now', async () => {
    const caseNumber = '20991224-000001';
    await kit.skipTo('2099-12-24', '09:00'); // Thursday
    const handle = await kit.start(caseInput(caseNumber, { slaProfile: 'ordinary-7d' }));
    await kit.skipTo('2099-12-24', '10:00');
    const accepted = await handle.executeUpdate(acceptUpdate, { args: [{ actor: ACTORS.community }] });

    // Thu 6 h, Fri 7, Mon–Thu 28 (41 h), Fri 2100-01-01 off by the law (元旦), weekend, Mon 7, Tue 1: 49 h = 7 working days
    expect(minutes(accepted.view.clocks[0])).toMatchObject({ window: 'community-handling', deadline: at('2100-01-05', '10:00'), provisional: true });
    await kit.settled(handle);
    expect(lastOf(kit, caseNumber, 'case.accepted').data).toMatchObject({ sla: { provisional: true } });
    expect((await handle.describe()).searchAttributes.CalendarYears).toEqual(['2099', '2100']);

    // 12-31: the warning (80 %) comes on the official 2099 days, the clock still provisional
    await kit.skipTo('2099-12-31', '16:00');
    await kit.settled(handle);
    expect(kit.types(caseNumber)).toContain('case.sla-warning');

    // an administrator enters the FICTIONAL 2100 arrangement; the running workflow hears of it by signal
    kit.setCalendar(withYear(FICTIONAL_2100));
    await announce(handle, 2100);
    const recomputed = await kit.settled(handle);
    // Monday 01-04 now off too: Tue 7 h, Wed 1 h
    expect(minutes(recomputed.clocks[0])).toMatchObject({ deadline: at('2100-01-06', '10:00'), status: 'warning', warned: true });
    expect(recomputed.clocks[0].provisional).toBeUndefined();
    expect(minutes(lastOf(kit, caseNumber, 'case.deadlines-recomputed').data)).toMatchObject({
      year: 2100,
      calendarVersion: kit.calendarVersion(),
      reason: expect.stringContaining('时限已按2100年放假安排重算'),
      clocks: [{ window: 'community-handling', previousDeadline: at('2100-01-05', '10:00'), deadline: at('2100-01-06', '10:00'), provisional: false }],
      sla: { deadline: expect.stringContaining('2100-01-06T02:00') },
    });
    const timeline = await handle.query(caseTimelineQuery);
    expect(timeline.at(-1)).toMatchObject({ type: 'case.deadlines-recomputed', detail: expect.stringContaining('时限已按2100年放假安排重算') });
    expect((await handle.describe()).searchAttributes.SlaDeadline?.[0]).toEqual(new Date(recomputed.clocks[0].deadline!));

    // the same signal again (a redelivered event) changes nothing
    const eventsBefore = kit.events(caseNumber).length;
    await announce(handle, 2100);
    await kit.settled(handle);
    expect(kit.events(caseNumber)).toHaveLength(eventsBefore);

    // Tuesday 15:00: a correction makes Monday a working day, so the deadline was Tuesday 10:00 — before now
    await kit.skipTo('2100-01-05', '15:00');
    expect(breaches(caseNumber)).toHaveLength(0);
    kit.setCalendar(withYear(FICTIONAL_2100_CORRECTED));
    await announce(handle, 2100);
    const corrected = await kit.settled(handle);
    expect(breaches(caseNumber)).toHaveLength(1);
    expect(minutes(breaches(caseNumber)[0])).toMatchObject({ time: at('2100-01-05', '15:00'), data: { window: 'community-handling', deadline: at('2100-01-05', '10:00'), action: 'escalated' } });
    expect(corrected).toMatchObject({ level: 'street' });
    expect(kit.types(caseNumber).slice(-3)).toEqual(['case.deadlines-recomputed', 'case.sla-breached', 'case.escalated']);

    // and once only: time passes, the old Wednesday deadline comes and goes, nothing more breaches
    await kit.skipTo('2100-01-06', '11:00');
    await kit.settled(handle);
    expect(breaches(caseNumber)).toHaveLength(1);
    expect((await handle.describe()).searchAttributes.SlaBreached).toEqual([true]);
    await recordHistoryIfAsked(handle, HISTORIES, 'calendar-recompute');
    await handle.terminate('scenario over');
  });

  it('keeps a breach that fired when a later correction moves the deadline after now', async () => {
    const caseNumber = '21000111-000001';
    await kit.skipTo('2100-01-11', '09:00'); // Monday; 2100 holds the corrected FICTIONAL arrangement
    const handle = await kit.start(caseInput(caseNumber));
    await handle.executeUpdate(acceptUpdate, { args: [{ actor: ACTORS.community }] });
    await kit.skipTo('2100-01-11', '10:00');
    const resolved = await handle.executeUpdate(resolveUpdate, { args: [{ actor: ACTORS.community, summary: '已补装井盖' }] });
    expect(minutes(resolved.view.clocks[0])).toMatchObject({ window: 'callback', deadline: at('2100-01-12', '10:00') });
    await kit.skipTo('2100-01-12', '11:00');
    await kit.settled(handle);
    expect(breaches(caseNumber).map((e) => (e.data as { window: string }).window)).toEqual(['callback']);

    // a FICTIONAL correction makes Tuesday 01-12 a day off: the callback deadline moves to Wednesday, after now
    kit.setCalendar(withYear({ ...FICTIONAL_2100_CORRECTED, holidays: [...FICTIONAL_2100_CORRECTED.holidays, '2100-01-12'] }));
    await announce(handle, 2100);
    const view = await kit.settled(handle);
    expect(minutes(view.clocks[0])).toMatchObject({ window: 'callback', deadline: at('2100-01-13', '10:00'), breached: true });
    expect(kit.types(caseNumber).at(-1)).toBe('case.deadlines-recomputed');

    // the breach stands: none again at the new deadline, and the case still counts as breached
    await kit.skipTo('2100-01-13', '11:00');
    await kit.settled(handle);
    expect(breaches(caseNumber)).toHaveLength(1);
    expect((await handle.describe()).searchAttributes.SlaBreached).toEqual([true]);
    expect((await handle.query(caseStatusQuery)).clocks[0]).toMatchObject({ window: 'callback', breached: true });
    await handle.terminate('scenario over');
  });

  it('ignores a change of a year its clocks do not touch', async () => {
    const caseNumber = '21000118-000001';
    await kit.skipTo('2100-01-18', '09:00');
    const handle = await kit.start(caseInput(caseNumber));
    await handle.executeUpdate(acceptUpdate, { args: [{ actor: ACTORS.community }] });
    await kit.settled(handle);
    const before = kit.events(caseNumber).length;
    kit.setCalendar(withYear(FICTIONAL_2100_CORRECTED));
    await announce(handle, 2101);
    await kit.settled(handle);
    expect(kit.events(caseNumber)).toHaveLength(before);
    expect((await handle.describe()).searchAttributes.CalendarYears).toEqual(['2100']);
    await handle.terminate('scenario over');
  });

  it("recomputes a summoned department's window too, and its summons workflow follows", async () => {
    const caseNumber = '21001229-000001';
    await kit.skipTo('2100-12-29', '09:00'); // Wednesday; 2101-01-01 is a Saturday, so the law gives Monday 01-03 in lieu
    const handle = await kit.start(caseInput(caseNumber));
    await handle.executeUpdate(acceptUpdate, { args: [{ actor: ACTORS.community }] });
    await handle.executeUpdate(escalateUpdate, { args: [{ actor: ACTORS.community }] });
    await kit.skipTo('2100-12-29', '10:00');
    await handle.executeUpdate(summonDepartmentsUpdate, { args: [{ actor: ACTORS.street, departmentIds: ['water-affairs'] }] });
    await kit.skipTo('2100-12-29', '11:00');
    const reported = await handle.executeUpdate(reportInUpdate, { args: [{ actor: ACTORS.water, departmentId: 'water-affairs' }] });
    // 答复 3 working days: Wed 5 h, Thu 7, Fri 7, weekend, Monday off in lieu (provisional), Tuesday 2 h
    expect(minutes(reported.view.summonses[0].clock)).toMatchObject({ window: 'department-answer', deadline: at('2101-01-04', '11:00'), provisional: true });
    await kit.settled(handle);
    const summons = kit.env.client.workflow.getHandle(`${caseNumber}:summons:water-affairs:1`);

    // a FICTIONAL 2101 arrangement: 元旦 only, no day in lieu — Monday is worked
    kit.setCalendar({ years: [...withYear(FICTIONAL_2100_CORRECTED).years, { year: 2101, holidays: ['2101-01-01'], makeUpWorkdays: [], note: 'FICTIONAL' }] });
    await announce(handle, 2101);
    const view = await kit.settled(handle);
    expect(minutes(view.summonses[0].clock)).toMatchObject({ deadline: at('2101-01-03', '11:00') });
    expect(view.summonses[0].clock?.provisional).toBeUndefined();
    const recomputed = minutes(lastOf<{ clocks: Array<{ window: string; departmentId?: string; previousDeadline: string; deadline: string }> }>(kit, caseNumber, 'case.deadlines-recomputed').data);
    expect(recomputed.clocks).toEqual(expect.arrayContaining([{ window: 'department-answer', departmentId: 'water-affairs', previousDeadline: at('2101-01-04', '11:00'), deadline: at('2101-01-03', '11:00'), provisional: false }]));
    // the summons workflow times the new instant
    await eventually(async () => {
      const deadline = (await summons.describe()).searchAttributes.SlaDeadline as Date[] | undefined;
      return deadline?.[0]?.toISOString().slice(0, 16) === at('2101-01-03', '11:00') ? true : undefined;
    }, { what: 'the summons workflow to take the new deadline' });
    await handle.terminate('scenario over');
    await summons.terminate('scenario over');
  });
});

function sevenDays() {
  return {
    windows: {
      acceptance: { basis: 'working', amount: 2, unit: 'hours' },
      'community-handling': workingDays(7),
      'street-handling': workingDays(5),
      'department-report-in': { basis: 'working', amount: 2, unit: 'hours' },
      'department-answer': workingDays(3),
      callback: workingDays(1),
      mediation: { basis: 'natural', amount: 30, unit: 'days' },
    },
    warningFraction: 0.8,
    maxTotalSuspension: { basis: 'natural', amount: 30, unit: 'days' },
  } as const;
}
