import fc from 'fast-check';
import { createBusinessCalendar } from './business-calendar';
import { naturalHours, workingDays, workingHours } from './business-duration';
import { CalendarYearNotCovered, InvalidOfficeHours } from './calendar-errors';
import { DAY_MS, HOUR_MS, MINUTE_MS, chinaDayOf, chinaTime, startOfChinaDay, toChinaWallClock } from './china-time';

const calendar = createBusinessCalendar(); // 09:00–12:00, 13:30–17:30: 7 h a day
const wall = (ms: number) => {
  const { date, time } = toChinaWallClock(ms);
  return `${date} ${time.slice(0, 5)}`;
};

describe('business calendar: examples on real dates', () => {
  it('has a 7-hour working day by default', () => {
    expect(calendar.workingDayMs).toBe(7 * HOUR_MS);
  });

  it('skips the whole National Day week 2025-10-01..08', () => {
    const start = chinaTime('2025-09-30', '16:00');
    expect(wall(calendar.addDuration(start, workingDays(1)))).toBe('2025-10-09 16:00');
    expect(wall(calendar.addDuration(chinaTime('2025-09-30', '17:00'), workingHours(2)))).toBe('2025-10-09 10:30');
  });

  it('counts the make-up Sunday 2025-09-28', () => {
    // Friday 09-26 16:30 + 2 working hours: 1 h on Friday, then Sunday 09-28 (调休上班) 09:00–10:00.
    expect(wall(calendar.addDuration(chinaTime('2025-09-26', '16:30'), workingHours(2)))).toBe('2025-09-28 10:00');
    expect(calendar.workingTimeBetween(chinaTime('2025-09-28'), chinaTime('2025-09-29'))).toBe(7 * HOUR_MS);
  });

  it('counts the make-up Saturday 2025-10-11 and skips Sunday 10-12', () => {
    expect(wall(calendar.addDuration(chinaTime('2025-10-10', '17:00'), workingHours(1)))).toBe('2025-10-11 09:30');
    expect(wall(calendar.addDuration(chinaTime('2025-10-11', '17:00'), workingHours(1)))).toBe('2025-10-13 09:30');
  });

  it('skips the lunch break', () => {
    expect(wall(calendar.addWorkingDuration(chinaTime('2025-10-09', '11:00'), 2 * HOUR_MS))).toBe('2025-10-09 14:30');
    expect(wall(calendar.addWorkingDuration(chinaTime('2025-10-09', '11:00'), HOUR_MS))).toBe('2025-10-09 12:00');
    expect(calendar.isWorkingTime(chinaTime('2025-10-09', '12:30'))).toBe(false);
    expect(calendar.isWorkingTime(chinaTime('2025-10-09', '13:30'))).toBe(true);
  });

  it('counts 248 working days in 2025 (261 weekdays − 18 holiday weekdays + 5 make-up days)', () => {
    expect(calendar.workingTimeBetween(chinaTime('2025-01-01'), chinaTime('2026-01-01'))).toBe(248 * 7 * HOUR_MS);
  });

  it('runs 3 working days across the 2026 Spring Festival (02-15..23 off, Saturday 02-14 worked)', () => {
    expect(wall(calendar.addDuration(chinaTime('2026-02-13', '10:00'), workingDays(3)))).toBe('2026-02-25 10:00');
  });

  it('measures natural time on the wall clock', () => {
    const start = chinaTime('2025-10-01', '02:00');
    expect(wall(calendar.addDuration(start, naturalHours(24)))).toBe('2025-10-02 02:00');
    expect(calendar.timeBetween(start, start + 5 * HOUR_MS, 'natural')).toBe(5 * HOUR_MS);
  });

  it('runs a deadline into a year without an arrangement on the provisional calendar, and says which years it used', () => {
    // Wed 12-30 10:00 + 3 working days: Wed 6 h, Thu 12-31 7 h, Fri 2027-01-01 off (元旦, statutory), weekend, Mon 7 h, Tue 1 h
    const deadline = calendar.addDuration(chinaTime('2026-12-30', '10:00'), workingDays(3));
    expect(wall(deadline)).toBe('2027-01-05 10:00');
    expect(calendar.yearsBetween(chinaTime('2026-12-30', '10:00'), deadline)).toEqual({ years: [2026, 2027], provisional: [2027] });
    expect(calendar.yearsBetween(chinaTime('2026-12-30'), chinaTime('2026-12-31', '17:00'))).toEqual({ years: [2026], provisional: [] });
  });

  it('refuses a deadline that runs into a year without data when the provisional calendar is off', () => {
    const strict = createBusinessCalendar({ provisional: false });
    expect(() => strict.addDuration(chinaTime('2026-12-30', '10:00'), workingDays(3))).toThrow(CalendarYearNotCovered);
    // …but an interval ending at midnight of the unknown year never needs it.
    expect(strict.workingTimeBetween(chinaTime('2026-12-31'), chinaTime('2027-01-01'))).toBe(7 * HOUR_MS);
  });

  it('works with an administrator-supplied year and per-jurisdiction office hours', () => {
    const custom = createBusinessCalendar({
      officeHours: { segments: [{ start: '08:30', end: '12:00' }, { start: '14:30', end: '18:00' }] },
      overrides: { years: [{ year: 2027, holidays: ['2027-01-01'], makeUpWorkdays: [] }] },
    });
    expect(custom.workingDayMs).toBe(7 * HOUR_MS);
    // Thu 2026-12-31 17:00 + 2 h: 1 h on 12-31, 01-01 (Fri) off, weekend, Mon 01-04 08:30–09:30.
    expect(wall(custom.addWorkingDuration(chinaTime('2026-12-31', '17:00'), 2 * HOUR_MS))).toBe('2027-01-04 09:30');
  });

  it('follows seasonal office hours (夏季作息), keeping the ordinary day as the length of a working day', () => {
    const summer = createBusinessCalendar({
      officeHours: {
        segments: [{ start: '09:00', end: '12:00' }, { start: '13:30', end: '17:30' }],
        seasons: [{ name: '夏季作息', from: '05-01', to: '09-30', segments: [{ start: '08:30', end: '12:00' }, { start: '14:30', end: '18:00' }] }],
      },
    });
    expect(summer.workingDayMs).toBe(7 * HOUR_MS);
    expect(summer.isWorkingTime(chinaTime('2025-06-03', '13:45'))).toBe(false); // summer lunch break
    expect(summer.isWorkingTime(chinaTime('2025-06-03', '08:45'))).toBe(true);
    expect(summer.isWorkingTime(chinaTime('2025-10-09', '13:45'))).toBe(true); // ordinary hours again
    // Tuesday 09-30 17:00 (summer, office until 18:00) + 2 h: 1 h, then National Day, then Thursday 10-09 (ordinary) 09:00–10:00
    expect(wall(summer.addWorkingDuration(chinaTime('2025-09-30', '17:00'), 2 * HOUR_MS))).toBe('2025-10-09 10:00');
    const winter = createBusinessCalendar({ officeHours: { segments: [{ start: '09:00', end: '17:00' }], seasons: [{ from: '11-15', to: '03-15', segments: [{ start: '09:30', end: '16:30' }] }] } });
    expect(winter.isWorkingTime(chinaTime('2026-01-05', '09:15'))).toBe(false); // the season runs over the new year
    expect(winter.isWorkingTime(chinaTime('2026-03-16', '09:15'))).toBe(true);
  });

  it('rejects malformed seasons', () => {
    const base = [{ start: '09:00', end: '17:00' }];
    expect(() => createBusinessCalendar({ officeHours: { segments: base, seasons: [{ from: '02-30', to: '03-01', segments: base }] } })).toThrow(/MM-DD/);
    expect(() =>
      createBusinessCalendar({ officeHours: { segments: base, seasons: [{ from: '05-01', to: '06-30', segments: base }, { from: '06-15', to: '08-31', segments: base }] } }),
    ).toThrow(/overlap on 06-15/);
    expect(() => createBusinessCalendar({ officeHours: { segments: base, seasons: [{ from: '05-01', to: '06-30', segments: [] }] } })).toThrow(InvalidOfficeHours);
  });

  it('rejects malformed office hours', () => {
    expect(() => createBusinessCalendar({ officeHours: { segments: [] } })).toThrow(InvalidOfficeHours);
    expect(() => createBusinessCalendar({ officeHours: { segments: [{ start: '12:00', end: '09:00' }] } })).toThrow(InvalidOfficeHours);
    expect(() =>
      createBusinessCalendar({ officeHours: { segments: [{ start: '09:00', end: '12:00' }, { start: '11:00', end: '17:00' }] } }),
    ).toThrow(/overlaps/);
    expect(() => createBusinessCalendar({ officeHours: { segments: [{ start: '9:00', end: '12:00' }] } })).toThrow(/HH:MM/);
  });

  it('rejects negative durations', () => {
    expect(() => calendar.addWorkingDuration(chinaTime('2025-10-09'), -1)).toThrow(RangeError);
  });
});

describe('business calendar: laws', () => {
  // Starts from 2024-01-01 to 2026-10-31, durations up to 20 working days: deadlines stay inside the data.
  const instant = fc.integer({ min: chinaTime('2024-01-01'), max: chinaTime('2026-10-31') });
  const duration = fc.integer({ min: 0, max: 20 * 7 * HOUR_MS });
  const positiveDuration = fc.integer({ min: 1, max: 20 * 7 * HOUR_MS });
  const runs = { numRuns: 200 };

  it('adding a working duration then measuring it gives the duration back', () => {
    fc.assert(
      fc.property(instant, duration, (start, ms) => calendar.workingTimeBetween(start, calendar.addWorkingDuration(start, ms)) === ms),
      runs,
    );
  });

  it('the deadline is the earliest instant reaching the duration', () => {
    fc.assert(
      fc.property(instant, positiveDuration, (start, ms) => {
        const deadline = calendar.addWorkingDuration(start, ms);
        return calendar.workingTimeBetween(start, deadline - 1) === ms - 1 && calendar.isWorkingTime(deadline - 1);
      }),
      runs,
    );
  });

  it('the deadline is monotone in the duration', () => {
    fc.assert(
      fc.property(instant, duration, duration, (start, a, b) => {
        const [shorter, longer] = a <= b ? [a, b] : [b, a];
        return calendar.addWorkingDuration(start, shorter) <= calendar.addWorkingDuration(start, longer);
      }),
      runs,
    );
  });

  it('working time is additive over adjacent intervals and antisymmetric', () => {
    fc.assert(
      fc.property(instant, instant, instant, (a, b, c) => {
        const between = calendar.workingTimeBetween;
        return between(a, c) === between(a, b) + between(b, c) && between(a, b) === -between(b, a);
      }),
      runs,
    );
  });

  it('a rest day (weekend or holiday) contributes nothing; a working day, including a 调休 Saturday, a full day', () => {
    fc.assert(
      fc.property(instant, (someInstant) => {
        const midnight = startOfChinaDay(chinaDayOf(someInstant));
        const counted = calendar.workingTimeBetween(midnight, midnight + DAY_MS);
        return counted === (calendar.isWorkingDay(someInstant) ? calendar.workingDayMs : 0);
      }),
      runs,
    );
  });

  it('time spent on rest days never moves a deadline', () => {
    const restDays = ['2025-10-01', '2025-10-04', '2025-10-12', '2026-02-17', '2026-10-03'];
    fc.assert(
      fc.property(fc.constantFrom(...restDays), fc.integer({ min: 0, max: DAY_MS - 1 }), positiveDuration, (date, offset, ms) => {
        // From any moment of a rest day, a (non-zero) deadline equals the one from the start of that day.
        const midnight = chinaTime(date);
        return calendar.addWorkingDuration(midnight + offset, ms) === calendar.addWorkingDuration(midnight, ms);
      }),
      runs,
    );
  });

  it('make-up working days count: a 调休 weekend day holds a full working day', () => {
    const makeUpDays = ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11', '2026-01-04', '2026-02-14', '2026-02-28'];
    fc.assert(
      fc.property(fc.constantFrom(...makeUpDays), fc.integer({ min: 1, max: 7 * 60 }), (date, minutes) => {
        const deadline = calendar.addWorkingDuration(chinaTime(date), minutes * MINUTE_MS);
        return toChinaWallClock(deadline).date === date;
      }),
      runs,
    );
  });
});
