// The workflow's pure helpers, without a server: command translation, clock bookkeeping, search attributes.
import { chinaTime, HOUR_MS } from '@civicflow/domain';
import type { ClockReading, ClockReadingResult } from '../sla/clock-readings';
import { calendarYearsOf, clockView, emptyClockBook, nextCaseClockInstant, readingsStaleFor, snapshotOf, takeReadings } from './case-clocks';
import { InvalidCommandArgument, toDomainCommand } from './case-commands';
import { changedSearchAttributes } from './case-search-attributes';
import { readRecordedIdentity, readRecordedReadings, readRecordedSla } from './recorded-spellings';
import type { ResolvedSla } from './case.activities';

const actor = { userId: 'ch-1', role: 'community-handler', unitId: 'binhe' } as const;
const T = chinaTime('2026-03-02', '10:00');

describe('toDomainCommand', () => {
  it('builds the domain command from the Update argument, with the workflow time, in the one spelling', () => {
    expect(toDomainCommand('accept', { actor }, T)).toEqual({ ok: true, command: { type: 'accept', actor: { userId: 'ch-1', role: 'community-handler', unitId: 'binhe' }, at: T } });
    expect(toDomainCommand('recordCallback', { actor: { ...actor, role: 'operator' }, reached: true, satisfaction: 'unsatisfied', comment: '仍未修好' }, T)).toMatchObject({
      ok: true,
      command: { type: 'recordCallback', reached: true, satisfaction: 'unsatisfied', comment: '仍未修好' },
    });
    expect(toDomainCommand('reportIn', { actor: { ...actor, role: 'department-liaison', unitId: 'water' }, departmentId: 'water' }, T)).toMatchObject({
      ok: true,
      command: { type: 'reportIn', departmentId: 'water' },
    });
  });

  it('leaves empty text to the domain (TEXT_REQUIRED) but refuses malformed arguments and words that are no role', () => {
    expect(toDomainCommand('return', { actor }, T)).toMatchObject({ ok: true, command: { reason: '' } });
    expect(() => toDomainCommand('return', { actor, reason: 42 }, T)).toThrow(InvalidCommandArgument);
    expect(() => toDomainCommand('accept', { actor: { userId: 'x' } }, T)).toThrow(/actor.role/);
    expect(() => toDomainCommand('decideRefusal', { actor, departmentId: 'd', decision: 'maybe' }, T)).toThrow(/decision/);
    expect(toDomainCommand('accept', { actor: { ...actor, role: 'janitor' } }, T)).toMatchObject({ ok: false, rejection: { code: 'ROLE_NOT_ALLOWED' } });
  });

  it('still reads the spellings recorded Updates of earlier workers may hold', () => {
    expect(toDomainCommand('accept', { actor: { ...actor, role: 'communityHandler' } }, T)).toMatchObject({ ok: true, command: { actor: { role: 'community-handler' } } });
    expect(toDomainCommand('recordCallback', { actor: { ...actor, role: 'operator' }, reached: true, satisfaction: 'basicallySatisfied' }, T)).toMatchObject({
      ok: true,
      command: { satisfaction: 'basically-satisfied' },
    });
  });
});

describe('clock book', () => {
  const reading = (overrides: Partial<ClockReading> = {}): ClockReading => ({
    key: 'case',
    window: 'community-handling',
    startedAt: T,
    paused: false,
    status: 'on-track',
    allowanceMs: 21 * HOUR_MS,
    elapsedMs: 0,
    warningAt: T + 10 * HOUR_MS,
    breachAt: T + 20 * HOUR_MS,
    ...overrides,
  });

  it('announces the warning, then the breach, of the case clock', () => {
    let book = takeReadings(emptyClockBook(), 'sig', [reading()], T);
    expect(nextCaseClockInstant(book)).toEqual({ at: T + 10 * HOUR_MS, kind: 'warning' });
    book.marks.case.warned = true;
    expect(nextCaseClockInstant(book)).toEqual({ at: T + 20 * HOUR_MS, kind: 'breach' });
    // an approved extension puts the clock back on track: it may warn again
    book = takeReadings(book, 'sig2', [reading({ warningAt: T + 30 * HOUR_MS, breachAt: T + 40 * HOUR_MS })], T + 12 * HOUR_MS);
    expect(book.marks.case).toMatchObject({ warned: false, breached: false });
    // a new window (new start) starts unannounced
    book.marks.case.warned = true;
    book = takeReadings(book, 'sig3', [reading({ window: 'street-handling', startedAt: T + HOUR_MS })], T + HOUR_MS);
    expect(book.marks.case).toMatchObject({ identity: `street-handling@${T + HOUR_MS}`, warned: false });
  });

  it('shows a paused clock without deadline, and a calendar problem as such', () => {
    const paused = reading({ paused: true, warningAt: null, breachAt: null });
    expect(snapshotOf(paused, T)).toMatchObject({ window: 'community-handling', paused: true, deadline: null, status: 'on-track' });
    const problem = { key: 'case', window: 'acceptance', startedAt: T, paused: false, error: { code: 'CALENDAR_YEAR_NOT_COVERED', zh: '…', en: '…' } } as ClockReadingResult;
    const book = takeReadings(emptyClockBook(), 's', [problem], T);
    expect(clockView(book, 'case', T)).toMatchObject({ deadline: null, calendarProblem: { code: 'CALENDAR_YEAR_NOT_COVERED' } });
    expect(nextCaseClockInstant(book)).toBeUndefined();
  });

  it('keeps an announced breach when a calendar recompute moves the deadline later, until an extension grows the allowance', () => {
    let book = takeReadings(emptyClockBook(), 'sig', [reading()], T);
    Object.assign(book.marks.case, { warned: true, breached: true });
    // a holiday entered later moves the deadline after now: the recompute does not re-arm
    book = takeReadings(book, 'sig', [reading({ breachAt: T + 50 * HOUR_MS })], T + 30 * HOUR_MS, { rearm: false });
    expect(book.marks.case).toMatchObject({ breached: true, heldAllowanceMs: 21 * HOUR_MS });
    // …nor does an ordinary re-read of the same clock afterwards
    book = takeReadings(book, 'sig2', [reading({ breachAt: T + 50 * HOUR_MS })], T + 31 * HOUR_MS);
    expect(book.marks.case.breached).toBe(true);
    expect(nextCaseClockInstant(book)).toBeUndefined();
    // an approved extension still re-arms it
    book = takeReadings(book, 'sig3', [reading({ allowanceMs: 28 * HOUR_MS, breachAt: T + 60 * HOUR_MS })], T + 32 * HOUR_MS);
    expect(book.marks.case.breached).toBe(false);
  });

  it('names the years the clocks use and which readings a change of a year concerns', () => {
    const book = takeReadings(
      emptyClockBook(),
      'sig',
      [
        reading({ calendarYears: [2026, 2027], provisional: true, calendarVersion: 3 }),
        reading({ key: 'department:dept-water', calendarYears: [2026], calendarVersion: 3 }),
        reading({ key: 'department:dept-housing', window: 'department-answer' }), // natural time or from before: no years
      ],
      T,
    );
    expect(calendarYearsOf(book)).toEqual(['2026', '2027']);
    expect(readingsStaleFor(book, 2027, 4).map((r) => r.key)).toEqual(['case']);
    expect(readingsStaleFor(book, 2026, 4).map((r) => r.key)).toEqual(['case', 'department:dept-water']);
    expect(readingsStaleFor(book, 2027, 3)).toEqual([]); // already computed with that version
    expect(readingsStaleFor(book, 2028, 4)).toEqual([]);
  });
});

describe('recorded spellings', () => {
  it('reads clock readings, clock identities and SLA windows that earlier workers recorded in camelCase', () => {
    const recorded = { key: 'case', window: 'communityHandling', startedAt: T, paused: false, status: 'onTrack', allowanceMs: 1, elapsedMs: 0, warningAt: null, breachAt: null };
    expect(readRecordedReadings([recorded as unknown as ClockReadingResult])).toEqual([{ ...recorded, window: 'community-handling', status: 'on-track' }]);
    expect(readRecordedIdentity(`departmentReportIn@${T}`)).toBe(`department-report-in@${T}`);
    expect(readRecordedIdentity(`acceptance@${T}`)).toBe(`acceptance@${T}`);
    const sla = { windows: { profileId: 'standard', priority: 'normal', windows: { acceptance: 1, streetHandling: 2 }, warningFraction: 0.8, breachFraction: 1 } } as unknown as ResolvedSla;
    expect(Object.keys(readRecordedSla(sla).windows.windows)).toEqual(['acceptance', 'street-handling']);
  });
});

describe('changedSearchAttributes', () => {
  const values = { CaseStage: 'dispatched', CaseLevel: 'community', CurrentUnit: 'binhe', StreetId: 'xinhua', CommunityId: 'binhe', CategoryCode: '0509', Priority: 'normal', SlaDeadline: T, SlaBreached: false };

  it('upserts everything the first time and only what changed afterwards (null removes)', () => {
    expect(changedSearchAttributes({}, values)).toHaveLength(9);
    const pairs = changedSearchAttributes(values, { ...values, CaseStage: 'suspended', SlaDeadline: null });
    expect(pairs.map((p) => [p.key.name, p.value])).toEqual([
      ['CaseStage', 'suspended'],
      ['SlaDeadline', null],
    ]);
  });

  it('upserts CalendarYears only when the workflow keeps them (patched) and they changed', () => {
    expect(changedSearchAttributes(values, values)).toEqual([]);
    const withYears = { ...values, CalendarYears: ['2026', '2027'] };
    expect(changedSearchAttributes(values, withYears).map((p) => [p.key.name, p.value])).toEqual([['CalendarYears', ['2026', '2027']]]);
    expect(changedSearchAttributes(withYears, { ...withYears, CalendarYears: ['2026', '2027'] })).toEqual([]);
  });
});
