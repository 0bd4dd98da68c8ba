import fc from 'fast-check';
import { createBusinessCalendar } from '../calendar/business-calendar';
import { naturalHours, workingDays, workingHours } from '../calendar/business-duration';
import { HOUR_MS, chinaTime, toChinaWallClock } from '../calendar/china-time';
import { SlaClockMisuse } from './sla-errors';
import {
  type SlaClock,
  extendSlaClock,
  isSlaClockPaused,
  pauseSlaClock,
  resumeSlaClock,
  slaAllowanceMs,
  slaDeadline,
  slaElapsedMs,
  startSlaClock,
} from './sla-clock';
import { readSlaClock } from './sla-reading';

const calendar = createBusinessCalendar();
const wall = (ms: number | null) => (ms === null ? null : `${toChinaWallClock(ms).date} ${toChinaWallClock(ms).time.slice(0, 5)}`);

describe('SLA clock: examples', () => {
  const start = chinaTime('2025-10-09', '10:00'); // Thursday after National Day
  const clock = startSlaClock(start, workingDays(3));

  it('runs 3 working days through the make-up Saturday 2025-10-11', () => {
    expect(wall(slaDeadline(calendar, clock))).toBe('2025-10-13 10:00');
  });

  it('does not count a suspension (挂起): Friday and the make-up Saturday are skipped', () => {
    const paused = pauseSlaClock(clock, chinaTime('2025-10-10', '09:00'));
    expect(isSlaClockPaused(paused)).toBe(true);
    expect(slaDeadline(calendar, paused)).toBeNull();
    const resumed = resumeSlaClock(paused, chinaTime('2025-10-13', '09:00'));
    expect(wall(slaDeadline(calendar, resumed))).toBe('2025-10-15 10:00');
    expect(slaElapsedMs(calendar, resumed, chinaTime('2025-10-13', '12:00'))).toBe(9 * HOUR_MS);
  });

  it('adds an approved extension (延期) to the allowance', () => {
    const extended = extendSlaClock(clock, workingDays(2));
    expect(slaAllowanceMs(calendar, extended)).toBe(5 * 7 * HOUR_MS);
    expect(wall(slaDeadline(calendar, extended))).toBe('2025-10-15 10:00');
  });

  it('reads warning at 80 % and breach at 100 %', () => {
    const acceptance = startSlaClock(chinaTime('2025-10-09', '09:00'), workingHours(2));
    const reading = readSlaClock(calendar, acceptance, chinaTime('2025-10-09', '10:30'));
    expect(reading).toMatchObject({ status: 'on-track', elapsedMs: 1.5 * HOUR_MS, remainingMs: 0.5 * HOUR_MS, fractionElapsed: 0.75, paused: false });
    expect(wall(reading.warningAt)).toBe('2025-10-09 10:36');
    expect(wall(reading.breachAt)).toBe('2025-10-09 11:00');
    expect(readSlaClock(calendar, acceptance, chinaTime('2025-10-09', '10:36')).status).toBe('warning');
    const late = readSlaClock(calendar, acceptance, chinaTime('2025-10-09', '14:30'));
    expect(late.status).toBe('breached');
    expect(late.remainingMs).toBe(-2 * HOUR_MS); // 4 working hours used by 14:30 (lunch excluded)
  });

  it('keeps a breach instant that happened before a later pause', () => {
    const acceptance = startSlaClock(chinaTime('2025-10-09', '09:00'), workingHours(2));
    const paused = pauseSlaClock(acceptance, chinaTime('2025-10-09', '15:00'));
    expect(wall(slaDeadline(calendar, paused))).toBe('2025-10-09 11:00');
  });

  it('runs urgent windows on natural time, through holidays', () => {
    const urgent = startSlaClock(chinaTime('2025-10-01', '03:00'), naturalHours(24));
    expect(wall(slaDeadline(calendar, urgent))).toBe('2025-10-02 03:00');
  });

  it('refuses impossible sequences', () => {
    expect(() => resumeSlaClock(clock, start + 1)).toThrow(SlaClockMisuse);
    const paused = pauseSlaClock(clock, start + 10);
    expect(() => pauseSlaClock(paused, start + 20)).toThrow(SlaClockMisuse);
    expect(() => resumeSlaClock(paused, start + 5)).toThrow(SlaClockMisuse);
    expect(() => pauseSlaClock(clock, start - 1)).toThrow(SlaClockMisuse);
    expect(() => extendSlaClock(clock, naturalHours(2))).toThrow(/basis/);
    expect(() => startSlaClock(start, workingHours(0))).toThrow(SlaClockMisuse);
  });
});

describe('SLA clock: laws', () => {
  const runs = { numRuns: 150 };
  const HOUR = HOUR_MS;
  const base = chinaTime('2024-01-01');
  const span = chinaTime('2026-09-01') - base;
  // start ≤ pause ≤ resume ≤ now, all within covered years.
  const timeline = fc
    .tuple(fc.integer({ min: 0, max: span }), fc.integer({ min: 0, max: 400 * HOUR }), fc.integer({ min: 0, max: 400 * HOUR }), fc.integer({ min: 0, max: 400 * HOUR }))
    .map(([s, p, q, n]) => ({ start: base + s, pause: base + s + p, resume: base + s + p + q, now: base + s + p + q + n }));
  const window = fc.oneof(
    fc.integer({ min: 1, max: 10 }).map(workingDays),
    fc.integer({ min: 1, max: 48 }).map(workingHours),
    fc.integer({ min: 1, max: 72 }).map(naturalHours),
  );
  const pausedClock = (t: { start: number; pause: number; resume: number }, duration: SlaClock['duration']) =>
    resumeSlaClock(pauseSlaClock(startSlaClock(t.start, duration), t.pause), t.resume);

  it('pause time never counts', () => {
    fc.assert(
      fc.property(timeline, window, (t, duration) => {
        const plain = startSlaClock(t.start, duration);
        const paused = pausedClock(t, duration);
        const pausedTime = calendar.timeBetween(t.pause, t.resume, duration.basis);
        return slaElapsedMs(calendar, paused, t.now) === slaElapsedMs(calendar, plain, t.now) - pausedTime;
      }),
      runs,
    );
  });

  it('the deadline is the first instant at which the allowance is used up, pauses or not', () => {
    fc.assert(
      fc.property(timeline, window, (t, duration) => {
        const clock = pausedClock(t, duration);
        const deadline = slaDeadline(calendar, clock)!;
        const allowance = slaAllowanceMs(calendar, clock);
        return slaElapsedMs(calendar, clock, deadline) === allowance && slaElapsedMs(calendar, clock, deadline - 1) < allowance;
      }),
      runs,
    );
  });

  it('a pause can only postpone the deadline', () => {
    fc.assert(
      fc.property(timeline, window, (t, duration) => {
        const plainDeadline = slaDeadline(calendar, startSlaClock(t.start, duration))!;
        return slaDeadline(calendar, pausedClock(t, duration))! >= plainDeadline;
      }),
      runs,
    );
  });

  it('elapsed time never decreases and does not grow while paused', () => {
    fc.assert(
      fc.property(timeline, window, (t, duration) => {
        const clock = pausedClock(t, duration);
        const elapsed = (at: number) => slaElapsedMs(calendar, clock, at);
        return elapsed(t.pause) === elapsed(t.resume) && elapsed(t.start) <= elapsed(t.pause) && elapsed(t.resume) <= elapsed(t.now);
      }),
      runs,
    );
  });
});
