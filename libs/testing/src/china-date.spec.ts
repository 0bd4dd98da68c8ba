import { chinaDate, onChinaToday } from './china-date';

describe('the China date of a test', () => {
  afterEach(() => jest.useRealTimers());

  it('turns at 16:00 UTC', () => {
    expect(chinaDate(Date.parse('2026-12-07T15:59:59.999Z'))).toBe('2026-12-07');
    expect(chinaDate(Date.parse('2026-12-07T16:00:00Z'))).toBe('2026-12-08');
  });

  it('runs an attempt that failed while the date turned once more, with the new date', async () => {
    jest.useFakeTimers({ now: Date.parse('2026-12-07T15:59:59Z') });
    const days: string[] = [];
    const result = await onChinaToday(async (today) => {
      days.push(today);
      if (days.length === 1) {
        jest.setSystemTime(Date.parse('2026-12-07T16:00:01Z'));
        throw new Error('posted yesterday’s date');
      }
      return today;
    });
    expect(days).toEqual(['2026-12-07', '2026-12-08']);
    expect(result).toBe('2026-12-08');
  });

  it('passes on a failure on one date without trying again', async () => {
    jest.useFakeTimers({ now: Date.parse('2026-12-07T10:00:00Z') });
    let attempts = 0;
    await expect(onChinaToday(async () => {
      attempts += 1;
      throw new Error('a real failure');
    })).rejects.toThrow('a real failure');
    expect(attempts).toBe(1);
  });
});
