import { calendarCoverage } from './calendar-coverage';
import { chinaTime } from './china-time';
import { createHolidaySchedule } from './holiday-schedule';

describe('calendar coverage', () => {
  const shipped = createHolidaySchedule();

  it('on 2026-12-07 the official arrangements end 24 days later: warn, 2027 is missing', () => {
    expect(calendarCoverage(shipped, chinaTime('2026-12-07', '09:00'))).toMatchObject({
      today: '2026-12-07', officialThrough: '2026-12-31', missingYear: 2027, daysLeft: 24, warning: true, provisionalYears: { from: 2025, to: 2199 },
    });
  });

  it('warns from 60 days before the cliff, not earlier', () => {
    expect(calendarCoverage(shipped, chinaTime('2026-11-01')).warning).toBe(true); // 60 days
    expect(calendarCoverage(shipped, chinaTime('2026-10-31')).warning).toBe(false); // 61
  });

  it('moves on when the next year is entered, and counts past the cliff', () => {
    const with2027 = createHolidaySchedule({ years: [{ year: 2027, holidays: ['2027-01-01'], makeUpWorkdays: [] }] });
    expect(calendarCoverage(with2027, chinaTime('2026-12-07'))).toMatchObject({ officialThrough: '2027-12-31', missingYear: 2028, warning: false });
    expect(calendarCoverage(shipped, chinaTime('2027-01-10'))).toMatchObject({ officialThrough: '2026-12-31', missingYear: 2027, daysLeft: -10, warning: true });
  });
});
