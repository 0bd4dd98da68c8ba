import { createBusinessCalendar } from '../calendar/business-calendar';
import { naturalHours, workingDays } from '../calendar/business-duration';
import { DAY_MS, chinaTime, toChinaWallClock } from '../calendar/china-time';
import { slaAllowanceMs, slaDeadline } from '../sla/sla-clock';
import { ACTORS, atStreet, cmd, fresh, inHandling, refusalOf, run } from './case-fixtures';
import { caseClocks, suspensionTimeLeftMs } from './case-queries';

describe('挂起 suspend and resume', () => {
  it('pauses the case clock and every department clock, and resumes them all', () => {
    const summoned = run(atStreet(), cmd.summon());
    const suspended = run(summoned, cmd.suspend({ actor: ACTORS.street }));
    expect(suspended.status).toBe('suspended');
    expect(caseClocks(suspended).every((entry) => entry.clock.pauses.at(-1)?.to === null)).toBe(true);
    const resumed = run(suspended, cmd.resume({ actor: ACTORS.street }));
    expect(resumed.status).toBe('in-handling');
    expect(caseClocks(resumed).every((entry) => entry.clock.pauses.at(-1)?.to !== null)).toBe(true);
  });

  it('moves the handling deadline by the suspended working time', () => {
    const calendar = createBusinessCalendar();
    const at = (date: string, time: string) => chinaTime(date, time);
    const accepted = run(
      fresh(),
      cmd.register({ at: at('2025-10-09', '09:50') }),
      cmd.classify({ at: at('2025-10-09', '09:55') }),
      cmd.dispatch({ at: at('2025-10-09', '09:58') }),
      cmd.accept({ at: at('2025-10-09', '10:00') }),
    );
    expect(toChinaWallClock(slaDeadline(calendar, accepted.clock!.clock)!).date).toBe('2025-10-13');
    const suspendedOverMakeUpSaturday = run(accepted, cmd.suspend({ at: at('2025-10-10', '09:00') }), cmd.resume({ at: at('2025-10-13', '09:00') }));
    expect(toChinaWallClock(slaDeadline(calendar, suspendedOverMakeUpSaturday.clock!.clock)!)).toEqual({ date: '2025-10-15', time: '10:00:00.000' });
    expect(suspendedOverMakeUpSaturday.suspension).toMatchObject({ count: 1, current: null, totalMs: 3 * DAY_MS });
  });

  it('caps the total suspension (30 natural days for the standard profile)', () => {
    const start = inHandling();
    const suspendedAt = start.lastEventAt! + 1000;
    const suspended = run(start, cmd.suspend({ at: suspendedAt }));
    expect(suspensionTimeLeftMs(suspended, suspendedAt + DAY_MS)).toBe(29 * DAY_MS);
    const resumed = run(suspended, cmd.resume({ actor: ACTORS.system, at: suspendedAt + 30 * DAY_MS }));
    expect(suspensionTimeLeftMs(resumed, suspendedAt + 31 * DAY_MS)).toBe(0);
    expect(refusalOf(resumed, cmd.suspend({ at: suspendedAt + 31 * DAY_MS }))).toMatchObject({ code: 'SUSPENSION_LIMIT_REACHED', zh: expect.stringContaining('30天') });
  });

  it('refuses to suspend without a reason, twice, or by another unit; resume only when suspended', () => {
    expect(refusalOf(inHandling(), cmd.suspend({ reason: '' }))?.code).toBe('TEXT_REQUIRED');
    expect(refusalOf(run(inHandling(), cmd.suspend()), cmd.suspend())?.code).toBe('INVALID_STATUS');
    expect(refusalOf(inHandling(), cmd.suspend({ actor: ACTORS.otherCommunity }))?.code).toBe('NOT_ASSIGNEE');
    expect(refusalOf(inHandling(), cmd.resume())?.code).toBe('NOT_SUSPENDED');
    expect(run(inHandling(), cmd.suspend(), cmd.resume({ actor: ACTORS.supervisor })).status).toBe('in-handling');
  });

  it('refuses to resolve a suspended case', () => {
    const reason = refusalOf(run(inHandling(), cmd.suspend()), cmd.resolve());
    expect(reason).toMatchObject({ code: 'CASE_SUSPENDED', zh: '案件已挂起，请先恢复办理再办结。' });
  });
});

describe('延期 extension', () => {
  it('adds an approved extension to the running window', () => {
    const calendar = createBusinessCalendar();
    const requested = run(inHandling(), cmd.requestExtension());
    expect(requested.pendingExtension).toMatchObject({ extra: workingDays(2), by: ACTORS.community });
    const approved = run(requested, cmd.decideExtension());
    expect(approved.pendingExtension).toBeNull();
    expect(approved.approvedExtensions).toEqual([workingDays(2)]);
    expect(slaAllowanceMs(calendar, approved.clock!.clock)).toBe(5 * calendar.workingDayMs);
  });

  it('leaves the window alone when the extension is denied', () => {
    const denied = run(inHandling(), cmd.requestExtension(), cmd.decideExtension({ approved: false, note: '理由不充分' }));
    expect(denied.pendingExtension).toBeNull();
    expect(denied.clock?.clock.extensions).toEqual([]);
  });

  it('may be decided while the case is suspended', () => {
    const state = run(inHandling(), cmd.requestExtension(), cmd.suspend(), cmd.decideExtension());
    expect(state.clock?.clock.extensions).toHaveLength(1);
  });

  it('refuses a second request, a basis mismatch, a decision without request or by a non-supervisor', () => {
    const requested = run(inHandling(), cmd.requestExtension());
    expect(refusalOf(requested, cmd.requestExtension())?.code).toBe('EXTENSION_PENDING');
    expect(refusalOf(inHandling(), cmd.requestExtension({ extra: naturalHours(24) }))?.code).toBe('EXTENSION_BASIS_MISMATCH');
    expect(refusalOf(inHandling(), cmd.requestExtension({ extra: workingDays(0) }))?.code).toBe('INVALID_DURATION');
    expect(refusalOf(inHandling(), cmd.decideExtension())?.code).toBe('NO_PENDING_EXTENSION');
    expect(refusalOf(requested, cmd.decideExtension({ actor: ACTORS.street }))?.code).toBe('ROLE_NOT_ALLOWED');
    expect(refusalOf(run(inHandling(), cmd.suspend()), cmd.requestExtension())?.code).toBe('CASE_SUSPENDED');
  });
});
