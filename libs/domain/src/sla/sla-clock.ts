import type { BusinessCalendar } from '../calendar/business-calendar';
import { type BusinessDuration, type TimeBasis, isValidDuration } from '../calendar/business-duration';
import { SlaClockMisuse } from './sla-errors';

/** A stretch during which the clock stood still (挂起); `to` is null while it still stands. */
export interface SlaPause {
  readonly from: number;
  readonly to: number | null;
}

/**
 * One SLA window being timed, as a plain serialisable value: when it started, what it allows (the window
 * plus approved 延期 extensions) and when it was paused. Deadlines are derived with a calendar, never stored,
 * so a pause or an extension moves them without bookkeeping.
 */
export interface SlaClock {
  readonly startedAt: number;
  readonly duration: BusinessDuration;
  readonly extensions: readonly BusinessDuration[];
  readonly pauses: readonly SlaPause[];
}

export function startSlaClock(startedAt: number, duration: BusinessDuration): SlaClock {
  if (!isValidDuration(duration)) throw new SlaClockMisuse('时限必须为正数', `invalid duration ${JSON.stringify(duration)}`);
  return { startedAt, duration, extensions: [], pauses: [] };
}

export function slaClockBasis(clock: SlaClock): TimeBasis {
  return clock.duration.basis;
}

export function isSlaClockPaused(clock: SlaClock): boolean {
  return clock.pauses.length > 0 && clock.pauses[clock.pauses.length - 1].to === null;
}

export function pauseSlaClock(clock: SlaClock, at: number): SlaClock {
  if (isSlaClockPaused(clock)) throw new SlaClockMisuse('计时器已暂停', 'the clock is already paused');
  if (at < lastMark(clock)) throw new SlaClockMisuse('暂停时间早于上一次操作', 'pause is earlier than the last start or resume');
  return { ...clock, pauses: [...clock.pauses, { from: at, to: null }] };
}

export function resumeSlaClock(clock: SlaClock, at: number): SlaClock {
  if (!isSlaClockPaused(clock)) throw new SlaClockMisuse('计时器未暂停', 'the clock is not paused');
  const open = clock.pauses[clock.pauses.length - 1];
  if (at < open.from) throw new SlaClockMisuse('恢复时间早于暂停时间', 'resume is earlier than the pause');
  return { ...clock, pauses: [...clock.pauses.slice(0, -1), { from: open.from, to: at }] };
}

/** Adds an approved extension (延期); it must use the clock's own basis so the sum stays meaningful. */
export function extendSlaClock(clock: SlaClock, extra: BusinessDuration): SlaClock {
  if (!isValidDuration(extra)) throw new SlaClockMisuse('延期时长必须为正数', `invalid extension ${JSON.stringify(extra)}`);
  if (extra.basis !== clock.duration.basis) {
    throw new SlaClockMisuse('延期的计时方式须与原时限一致', `extension basis '${extra.basis}' differs from the clock's '${clock.duration.basis}'`);
  }
  return { ...clock, extensions: [...clock.extensions, extra] };
}

/** Total time the clock allows, window plus extensions, in ms of its basis. */
export function slaAllowanceMs(calendar: BusinessCalendar, clock: SlaClock): number {
  return [clock.duration, ...clock.extensions].reduce((sum, duration) => sum + calendar.durationMs(duration), 0);
}

/** Counted time (working or natural, by the clock's basis) from start to `now`, pauses excluded. */
export function slaElapsedMs(calendar: BusinessCalendar, clock: SlaClock, now: number): number {
  const basis = slaClockBasis(clock);
  let elapsed = 0;
  for (const [from, to] of runningIntervals(clock)) {
    const end = Math.min(to ?? now, now);
    if (end > from) elapsed += calendar.timeBetween(from, end, basis);
  }
  return elapsed;
}

/** The instant at which `countedMs` of running time has passed, or null if the clock is paused before then. */
export function slaInstantAfter(calendar: BusinessCalendar, clock: SlaClock, countedMs: number): number | null {
  const basis = slaClockBasis(clock);
  let remaining = countedMs;
  for (const [from, to] of runningIntervals(clock)) {
    const available = to === null ? Infinity : calendar.timeBetween(from, to, basis);
    if (available >= remaining) return calendar.addTime(from, remaining, basis);
    remaining -= available;
  }
  return null;
}

/** When the window (with extensions) runs out; null while paused, because the deadline is then unknown. */
export function slaDeadline(calendar: BusinessCalendar, clock: SlaClock): number | null {
  return slaInstantAfter(calendar, clock, slaAllowanceMs(calendar, clock));
}

/** [from, to) stretches in which the clock ran; the last one is open-ended (to = null) unless paused. */
function runningIntervals(clock: SlaClock): Array<[number, number | null]> {
  const intervals: Array<[number, number | null]> = [];
  let from: number | null = clock.startedAt;
  for (const pause of clock.pauses) {
    if (from !== null) intervals.push([from, Math.max(from, pause.from)]);
    from = pause.to;
  }
  if (from !== null) intervals.push([from, null]);
  return intervals;
}

function lastMark(clock: SlaClock): number {
  const last = clock.pauses[clock.pauses.length - 1];
  return last?.to ?? clock.startedAt;
}
