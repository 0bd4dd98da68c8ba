import { CalendarYearNotCovered, InvalidCalendarOverride } from './calendar-errors';
import { parseDateKey } from './china-time';
import { createHolidaySchedule } from './holiday-schedule';

const day = parseDateKey;

describe('holiday schedule from the chinese-days data', () => {
  const schedule = createHolidaySchedule();

  it('covers exactly the years the package has data for (2004–2026 in chinese-days 1.5.7)', () => {
    expect(schedule.coveredYears[0]).toBe(2004);
    expect(schedule.coveredYears.at(-1)).toBe(2026);
    expect(schedule.coveredYears).toHaveLength(23);
  });

  it('treats National Day week 2025-10-01..08 as days off', () => {
    for (const date of ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-06', '2025-10-07', '2025-10-08']) {
      expect(schedule.dayInfo(day(date))).toMatchObject({ date, working: false, reason: 'publicHoliday' });
    }
    expect(schedule.dayInfo(day('2025-10-06')).name).toContain('中秋');
  });

  it('works the make-up days Sunday 2025-09-28 and Saturday 2025-10-11 (调休)', () => {
    expect(schedule.dayInfo(day('2025-09-28'))).toMatchObject({ working: true, reason: 'makeUpWorkday' });
    expect(schedule.dayInfo(day('2025-10-11'))).toMatchObject({ working: true, reason: 'makeUpWorkday' });
    expect(schedule.dayInfo(day('2025-10-12'))).toMatchObject({ working: false, reason: 'weekend' });
    expect(schedule.dayInfo(day('2025-10-09'))).toMatchObject({ working: true, reason: 'weekday' });
  });

  it('knows the 2026 Spring Festival: 02-15..23 off, Saturdays 02-14 and 02-28 worked', () => {
    expect(schedule.isWorkingDay(day('2026-02-16'))).toBe(false);
    expect(schedule.isWorkingDay(day('2026-02-23'))).toBe(false);
    expect(schedule.isWorkingDay(day('2026-02-14'))).toBe(true);
    expect(schedule.isWorkingDay(day('2026-02-28'))).toBe(true);
    expect(schedule.isWorkingDay(day('2026-02-24'))).toBe(true);
  });

  it('refuses a year without data when the provisional calendar is off, instead of treating it as ordinary days', () => {
    const strict = createHolidaySchedule(undefined, { provisional: false });
    let thrown: unknown;
    try {
      strict.isWorkingDay(day('2027-10-01'));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CalendarYearNotCovered);
    const error = thrown as CalendarYearNotCovered;
    expect(error.year).toBe(2027);
    expect(error.code).toBe('CALENDAR_YEAR_NOT_COVERED');
    expect(error.zh).toContain('2027 年');
    expect(error.zh).toContain('管理员');
    expect(error.en).toContain('2027');
    expect(error.en).toContain('administrator must add');
    expect(error.en).toContain('override table');
    expect(strict.yearStatus(2027)).toBe('uncovered');
  });

  it('refuses years outside both the data and the provisional range (before 2004, after 2199)', () => {
    expect(() => schedule.isWorkingDay(day('2003-06-02'))).toThrow(CalendarYearNotCovered);
    expect(() => schedule.isWorkingDay(day('2200-06-02'))).toThrow(/provisional from the law: 2025–2199/);
    expect(schedule.yearStatus(2003)).toBe('uncovered');
  });
});

describe('provisional years, from the law (《全国年节及纪念日放假办法》)', () => {
  const schedule = createHolidaySchedule();

  it('answers 2027 from the statutory days, marked provisional, instead of refusing it', () => {
    expect(schedule.yearStatus(2026)).toBe('official');
    expect(schedule.yearStatus(2027)).toBe('provisional');
    expect(schedule.isYearCovered(2027)).toBe(true);
    expect(schedule.coveredYears.at(-1)).toBe(2026); // official years only
    expect(schedule.dayInfo(day('2027-01-01'))).toEqual({ date: '2027-01-01', working: false, reason: 'publicHoliday', name: "元旦 New Year's Day", provisional: true });
    expect(schedule.dayInfo(day('2027-01-04'))).toEqual({ date: '2027-01-04', working: true, reason: 'weekday', provisional: true });
    expect(schedule.dayInfo(day('2027-01-02'))).toMatchObject({ working: false, reason: 'weekend', provisional: true });
    expect(schedule.dayInfo(day('2026-12-31'))).toEqual({ date: '2026-12-31', working: true, reason: 'weekday' });
  });

  it('gives weekdays in lieu (补假) for statutory days on a weekend: 春节 2027 (Fri 02-05 to Mon 02-08) adds Tue and Wed', () => {
    for (const date of ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08']) expect(schedule.dayInfo(day(date))).toMatchObject({ working: false, name: '春节 Spring Festival' });
    expect(schedule.dayInfo(day('2027-02-09'))).toMatchObject({ working: false, name: '春节补假 Spring Festival (day in lieu)', provisional: true });
    expect(schedule.dayInfo(day('2027-02-10'))).toMatchObject({ working: false, provisional: true });
    expect(schedule.isWorkingDay(day('2027-02-11'))).toBe(true);
  });

  it('knows no make-up working days (调休) in a provisional year: only the State Council can set them', () => {
    for (let d = day('2027-01-01'); d <= day('2027-12-31'); d++) expect(schedule.dayInfo(d).reason).not.toBe('makeUpWorkday');
  });

  it('becomes official once an administrator enters the year, and local overrides apply in a provisional year', () => {
    const entered = createHolidaySchedule({ years: [{ year: 2027, holidays: ['2027-01-01'], makeUpWorkdays: [], names: { '2027-01-01': '元旦' } }], days: [{ date: '2028-03-02', working: false, note: '本市调休' }] });
    expect(entered.yearStatus(2027)).toBe('official');
    expect(entered.dayInfo(day('2027-01-01'))).toEqual({ date: '2027-01-01', working: false, reason: 'publicHoliday', name: '元旦' });
    expect(entered.isWorkingDay(day('2027-02-09'))).toBe(true); // the guess is gone with the official arrangement
    expect(entered.dayInfo(day('2028-03-02'))).toMatchObject({ working: false, reason: 'localOverride', name: '本市调休' });
  });
});

describe('administrator overrides', () => {
  const schedule2027 = {
    year: 2027,
    holidays: ['2027-01-01', '2027-10-01', '2027-10-04'],
    makeUpWorkdays: ['2027-09-26'],
    note: '2027 国务院办公厅通知',
  };

  it('makes a new year covered and applies its holidays and make-up days', () => {
    const schedule = createHolidaySchedule({ years: [schedule2027] });
    expect(schedule.isYearCovered(2027)).toBe(true);
    expect(schedule.dayInfo(day('2027-10-01'))).toMatchObject({ working: false, reason: 'publicHoliday', name: '2027 国务院办公厅通知' });
    expect(schedule.isWorkingDay(day('2027-09-26'))).toBe(true); // a Sunday
    expect(schedule.isWorkingDay(day('2027-10-05'))).toBe(true); // an ordinary Tuesday
    expect(schedule.yearStatus(2028)).toBe('provisional');
  });

  it('replaces the package data for a year it names', () => {
    const schedule = createHolidaySchedule({ years: [{ year: 2025, holidays: ['2025-10-01'], makeUpWorkdays: [] }] });
    expect(schedule.isWorkingDay(day('2025-10-01'))).toBe(false);
    expect(schedule.isWorkingDay(day('2025-10-02'))).toBe(true);
    expect(schedule.isWorkingDay(day('2025-09-28'))).toBe(false);
  });

  it('applies single-day local overrides last', () => {
    const schedule = createHolidaySchedule({
      days: [
        { date: '2025-10-08', working: true, note: '防汛值守' },
        { date: '2025-10-10', working: false, note: '地方性节日' },
      ],
    });
    expect(schedule.dayInfo(day('2025-10-08'))).toMatchObject({ working: true, reason: 'localOverride', name: '防汛值守' });
    expect(schedule.dayInfo(day('2025-10-10'))).toMatchObject({ working: false, reason: 'localOverride' });
  });

  it('does not make a year official through single-day overrides alone', () => {
    const schedule = createHolidaySchedule({ days: [{ date: '2027-03-02', working: false }] });
    expect(schedule.yearStatus(2027)).toBe('provisional');
    expect(() => createHolidaySchedule({ days: [{ date: '2200-03-02', working: false }] }).isWorkingDay(day('2200-03-02'))).toThrow(CalendarYearNotCovered);
  });

  it.each([
    [{ years: [{ ...schedule2027, holidays: ['2027-02-30'] }] }, 'years[0] (2027)', '2027-02-30'],
    [{ years: [{ ...schedule2027, holidays: ['2028-01-01'] }] }, 'years[0] (2027)', 'not in 2027'],
    [{ years: [{ ...schedule2027, makeUpWorkdays: ['2027-09-27'] }] }, 'years[0] (2027)', 'not a Saturday or Sunday'],
    [{ years: [{ ...schedule2027, makeUpWorkdays: ['2027-01-01'] }] }, 'years[0] (2027)', 'both a holiday'],
    [{ years: [schedule2027, schedule2027] }, 'years[1] (2027)', 'listed twice'],
    [{ years: [{ ...schedule2027, year: 27 }] }, 'years[0] (27)', 'integer between'],
    [{ years: [{ year: 2027, holidays: '2027-01-01' }] }, 'years[0] (2027)', 'holidays must be an array'],
    [{ days: [{ date: '2027-13-01', working: true }] }, 'days[0] (2027-13-01)', 'not a real date'],
    [{ days: [{ date: '2025-10-10', working: 'yes' }] }, 'days[0] (2025-10-10)', 'working must be'],
    [{ years: [{ ...schedule2027, names: { '2027-01-02': '元旦' } }] }, 'years[0] (2027)', 'neither a listed holiday'],
    [{ years: [{ ...schedule2027, names: { '2027-01-01': ' ' } }] }, 'years[0] (2027)', 'must be 1–100 characters'],
  ])('rejects a bad table %#, naming the entry', (table, entry, problem) => {
    expect(() => createHolidaySchedule(table as never)).toThrow(InvalidCalendarOverride);
    try {
      createHolidaySchedule(table as never);
    } catch (error) {
      expect((error as InvalidCalendarOverride).entry).toBe(entry);
      expect((error as InvalidCalendarOverride).en).toContain(problem);
      expect((error as InvalidCalendarOverride).zh).toContain(entry);
    }
  });
});
