import { compareByDeadline, formatCountdown, readSla, splitDuration } from './sla';

const T0 = Date.parse('2026-05-04T10:00:00+08:00');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

describe('readSla', () => {
  const clock = { status: 'on-track', paused: false, startedAt: at(0), warningAt: at(48), deadline: at(60) };

  it('is green before the warning instant, yellow from it, red at the deadline', () => {
    expect(readSla(clock, T0 + 10 * 60_000).color).toBe('green');
    expect(readSla(clock, T0 + 48 * 60_000).color).toBe('yellow');
    expect(readSla(clock, T0 + 60 * 60_000).color).toBe('red');
  });

  it('follows the server when it says warning or breached earlier than the local clock', () => {
    expect(readSla({ ...clock, status: 'warning' }, T0).color).toBe('yellow');
    expect(readSla({ ...clock, status: 'breached' }, T0).color).toBe('red');
  });

  it('derives the warning at 80 % of the window when the server gives none', () => {
    const noWarning = { ...clock, warningAt: null };
    expect(readSla(noWarning, T0 + 47 * 60_000).color).toBe('green');
    expect(readSla(noWarning, T0 + 48 * 60_000).color).toBe('yellow');
  });

  it('is grey while paused or without a deadline, red if a paused clock had already breached', () => {
    expect(readSla({ ...clock, paused: true, deadline: null }, T0)).toEqual({ color: 'grey', remainingMs: null, paused: true });
    expect(readSla(null, T0).color).toBe('grey');
    expect(readSla({ status: 'breached', paused: true, deadline: null }, T0).color).toBe('red');
  });

  it('gives the remaining time, negative once overdue', () => {
    expect(readSla(clock, T0).remainingMs).toBe(60 * 60_000);
    expect(readSla(clock, T0 + 65 * 60_000).remainingMs).toBe(-5 * 60_000);
  });
});

describe('formatCountdown', () => {
  it('shows the two most significant units in Chinese and English', () => {
    expect(formatCountdown((2 * 86_400 + 3 * 3600 + 5 * 60) * 1000, 'zh-CN')).toBe('剩余 2天3小时');
    expect(formatCountdown((2 * 86_400 + 3 * 3600 + 5 * 60) * 1000, 'en')).toBe('2d 3h left');
  });

  it('ticks in seconds under an hour (the short demo windows)', () => {
    expect(formatCountdown((5 * 60 + 12) * 1000, 'zh-CN')).toBe('剩余 5分12秒');
    expect(formatCountdown(-(5 * 60 + 12) * 1000, 'zh-CN')).toBe('超时 5分12秒');
    expect(formatCountdown(-(5 * 60 + 12) * 1000, 'en')).toBe('5m 12s overdue');
    expect(formatCountdown(42_000, 'en')).toBe('42s left');
    expect(formatCountdown(0, 'en')).toBe('0s left');
  });

  it('drops a zero second unit', () => {
    expect(formatCountdown(3 * 86_400_000, 'zh-CN')).toBe('剩余 3天');
    expect(formatCountdown(3_600_000 + 30_000, 'en')).toBe('1h left');
  });
});

describe('splitDuration / compareByDeadline', () => {
  it('splits absolute time and keeps the sign apart', () => {
    expect(splitDuration(-90_061_000)).toEqual({ overdue: true, days: 1, hours: 1, minutes: 1, seconds: 1 });
  });
  it('puts the nearest (or most overdue) deadline first and none last', () => {
    const list = [null, at(30), at(-5), at(10)];
    expect([...list].sort(compareByDeadline)).toEqual([at(-5), at(10), at(30), null]);
  });
});
