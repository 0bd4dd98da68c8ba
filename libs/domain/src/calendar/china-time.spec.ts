import { chinaDayOf, chinaTime, dateKeyOfChinaDay, startOfChinaDay, toChinaWallClock, tryParseDateKey, tryParseTimeOfDay, weekdayOfChinaDay } from './china-time';

describe('China time (+08:00, no DST)', () => {
  it('maps China wall-clock times to UTC instants eight hours earlier', () => {
    expect(new Date(chinaTime('2025-10-01', '09:00')).toISOString()).toBe('2025-10-01T01:00:00.000Z');
    expect(new Date(chinaTime('2025-10-01')).toISOString()).toBe('2025-09-30T16:00:00.000Z');
  });

  it('puts 23:59 UTC on the next China day', () => {
    const lateUtc = Date.parse('2025-09-30T16:30:00Z');
    expect(dateKeyOfChinaDay(chinaDayOf(lateUtc))).toBe('2025-10-01');
    expect(toChinaWallClock(lateUtc)).toEqual({ date: '2025-10-01', time: '00:30:00.000' });
    expect(startOfChinaDay(chinaDayOf(lateUtc))).toBe(chinaTime('2025-10-01'));
  });

  it('knows weekdays (2025-10-01 was a Wednesday, 2025-09-28 a Sunday)', () => {
    expect(weekdayOfChinaDay(tryParseDateKey('2025-10-01')!)).toBe(3);
    expect(weekdayOfChinaDay(tryParseDateKey('2025-09-28')!)).toBe(0);
    expect(weekdayOfChinaDay(tryParseDateKey('1969-12-31')!)).toBe(3);
  });

  it('accepts only real dates and times', () => {
    expect(tryParseDateKey('2024-02-29')).toBeDefined();
    expect(tryParseDateKey('2025-02-29')).toBeUndefined();
    expect(tryParseDateKey('2025-2-1')).toBeUndefined();
    expect(tryParseTimeOfDay('24:00')).toBe(24 * 3_600_000);
    expect(tryParseTimeOfDay('24:01')).toBeUndefined();
    expect(tryParseTimeOfDay('12:60')).toBeUndefined();
    expect(() => chinaTime('2025-10-01', '9:00')).toThrow(RangeError);
  });
});
