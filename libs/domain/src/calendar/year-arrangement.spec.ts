import { InvalidCalendarOverride } from './calendar-errors';
import { PACKAGE_YEAR_SCHEDULES } from './package-holiday-data';
import { checkYearArrangement, diffArrangement, toYearOverride, type YearArrangement } from './year-arrangement';

const published2026: YearArrangement = {
  year: 2026,
  holidays: [...PACKAGE_YEAR_SCHEDULES.get(2026)!.holidays].map(([date, name]) => ({ date, name })),
  makeUpWorkdays: [...PACKAGE_YEAR_SCHEDULES.get(2026)!.makeUpWorkdays].map(([date, name]) => ({ date, name })),
};

/** FICTIONAL 2027 arrangement (a test fixture, not the State Council's): the statutory days plus a few bridges. */
const fictional2027: YearArrangement = {
  year: 2027,
  holidays: [
    '2027-01-01', '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11',
    '2027-04-05', '2027-05-01', '2027-05-02', '2027-05-03', '2027-06-09', '2027-09-15', '2027-10-01', '2027-10-02', '2027-10-03', '2027-10-04', '2027-10-05',
  ].map((date) => ({ date, name: 'FICTIONAL' })),
  makeUpWorkdays: [{ date: '2027-02-20', name: 'FICTIONAL 调休' }],
  note: 'FICTIONAL test arrangement',
};

describe('year arrangements', () => {
  it('accepts the published 2026 arrangement', () => {
    expect(checkYearArrangement(published2026)).toBe(published2026);
  });

  it('refuses an arrangement that leaves out a statutory day, naming it', () => {
    const without = { ...fictional2027, holidays: fictional2027.holidays.filter((day) => day.date !== '2027-09-15') };
    expect(() => checkYearArrangement(without)).toThrow(InvalidCalendarOverride);
    expect(() => checkYearArrangement(without)).toThrow(/2027-09-15 中秋/);
  });

  it('refuses a statutory day made a working day, and a make-up day on a weekday', () => {
    expect(() => checkYearArrangement({ ...fictional2027, makeUpWorkdays: [{ date: '2027-05-02' }] })).toThrow(/both a holiday and a make-up working day/);
    expect(() => checkYearArrangement({ ...fictional2027, makeUpWorkdays: [{ date: '2027-02-22' }] })).toThrow(/not a Saturday or Sunday/);
  });

  it('accepts a statutory day left off the list when it falls on a weekend anyway (2027-02-06 is a Saturday)', () => {
    expect(() => checkYearArrangement({ ...fictional2027, holidays: fictional2027.holidays.filter((day) => day.date !== '2027-02-06') })).not.toThrow();
  });

  it('shows the difference from the provisional calendar, day by day', () => {
    const diff = diffArrangement({}, fictional2027);
    expect(diff.before).toBe('provisional');
    // the law's guess gave Tue–Wed 02-09/10, Mon–Tue 05-03/04 and Mon–Tue 10-04/05 in lieu; the fixture also gives
    // Thu 02-11, works Tue 05-04 and the make-up Saturday 02-20; only names change on the other days
    const flipped = diff.changes.filter((change) => change.before.working !== change.after.working).map((change) => change.date);
    expect(flipped).toEqual(['2027-02-11', '2027-02-20', '2027-05-04']);
    expect(diff.changes.find((change) => change.date === '2027-02-20')).toEqual({
      date: '2027-02-20',
      before: { working: false, reason: 'weekend', provisional: true },
      after: { working: true, reason: 'makeUpWorkday', name: 'FICTIONAL 调休' },
    });
    expect(diff.workingDays.after - diff.workingDays.before).toBe(1);
    expect(diff.changes.find((change) => change.date === '2027-10-04')).toMatchObject({ before: { working: false, name: '国庆节补假 National Day (day in lieu)', provisional: true }, after: { working: false, name: 'FICTIONAL' } });
  });

  it('compares a correction with the arrangement in force', () => {
    const corrected = { ...fictional2027, makeUpWorkdays: [] };
    const diff = diffArrangement({ years: [toYearOverride(fictional2027)] }, corrected);
    expect(diff.before).toBe('official');
    expect(diff.changes.map((change) => [change.date, change.before.working, change.after.working])).toEqual([['2027-02-20', true, false]]);
  });
});
