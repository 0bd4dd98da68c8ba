import { type BusinessDuration, type TimeBasis, durationToMs } from './business-duration';
import { NoWorkingTimeFound } from './calendar-errors';
import type { CalendarOverrideTable } from './calendar-overrides';
import { type Instant, chinaDayOf, dateKeyOfChinaDay, parseDateKey, startOfChinaDay, toEpochMs, yearOfChinaDay } from './china-time';
import { type DayInfo, createHolidaySchedule, type YearStatus } from './holiday-schedule';
import { DEFAULT_OFFICE_HOURS, type OfficeHours, type OfficeHoursConfig, parseOfficeHours } from './office-hours';

/** Plain, serialisable configuration of one jurisdiction's calendar (a workflow can keep it in its input). */
export interface BusinessCalendarConfig {
  readonly officeHours?: OfficeHoursConfig;
  readonly overrides?: CalendarOverrideTable;
  /** Answer years without an official arrangement from the law, marked provisional (default true). */
  readonly provisional?: boolean;
}

/**
 * Working-time arithmetic for one jurisdiction: public holidays and 调休 from the holiday schedule, office
 * hours per day, China time. Pure and deterministic: every answer depends only on the config and the
 * arguments. Any question touching a year without a schedule throws CalendarYearNotCovered.
 */
export interface BusinessCalendar {
  readonly officeHours: OfficeHours;
  /** Length of one working day (the office hours of one day). */
  readonly workingDayMs: number;
  /** Years with an official arrangement. */
  readonly coveredYears: readonly number[];
  yearStatus(year: number): YearStatus;
  /**
   * The years whose days an answer about [a, b] (either order) may have used, ascending, and which of them
   * are provisional: a deadline computed across a provisional year is itself provisional.
   */
  yearsBetween(a: Instant, b: Instant): { years: number[]; provisional: number[] };
  /** A day by 'YYYY-MM-DD' or by an instant within it (China time). */
  dayInfo(day: string | Instant): DayInfo;
  isWorkingDay(day: string | Instant): boolean;
  /** True when the instant falls inside office hours of a working day. */
  isWorkingTime(at: Instant): boolean;
  /** The earliest instant by which `durationMs` of working time has passed since `start`. */
  addWorkingDuration(start: Instant, durationMs: number): number;
  /** Working time in [a, b); negative when b is before a. */
  workingTimeBetween(a: Instant, b: Instant): number;
  /** Working or natural time, by basis. */
  addTime(start: Instant, durationMs: number, basis: TimeBasis): number;
  timeBetween(a: Instant, b: Instant, basis: TimeBasis): number;
  addDuration(start: Instant, duration: BusinessDuration): number;
  durationMs(duration: BusinessDuration): number;
}

/** Ten years without one working minute means the configuration is broken; stop instead of looping. */
const MAX_DAYS_WITHOUT_WORK = 3660;

export function createBusinessCalendar(config: BusinessCalendarConfig = {}): BusinessCalendar {
  const officeHours = parseOfficeHours(config.officeHours ?? DEFAULT_OFFICE_HOURS);
  const schedule = createHolidaySchedule(config.overrides, { provisional: config.provisional });
  const chinaDayOfInput = (day: string | Instant) => (typeof day === 'string' ? parseDateKey(day) : chinaDayOf(day));

  /** Office-hour intervals of one China day as UTC instants (none on a rest day). */
  const workingIntervals = (chinaDay: number): Array<[number, number]> => {
    if (!schedule.isWorkingDay(chinaDay)) return [];
    const midnight = startOfChinaDay(chinaDay);
    return officeHours.segmentsOn(chinaDay).map((segment) => [midnight + segment.startMs, midnight + segment.endMs]);
  };

  const addWorkingDuration = (start: Instant, durationMs: number): number => {
    const startMs = toEpochMs(start);
    assertDuration(durationMs);
    let remaining = durationMs;
    if (remaining === 0) return startMs;
    const firstDay = chinaDayOf(startMs);
    let lastWorkingDay = firstDay;
    for (let day = firstDay; ; day++) {
      for (const [segmentStart, segmentEnd] of workingIntervals(day)) {
        lastWorkingDay = day;
        const from = Math.max(segmentStart, startMs);
        if (segmentEnd <= from) continue;
        if (segmentEnd - from >= remaining) return from + remaining;
        remaining -= segmentEnd - from;
      }
      if (day - lastWorkingDay > MAX_DAYS_WITHOUT_WORK) throw new NoWorkingTimeFound(dateKeyOfChinaDay(lastWorkingDay), MAX_DAYS_WITHOUT_WORK);
    }
  };

  const workingTimeBetween = (a: Instant, b: Instant): number => {
    const from = toEpochMs(a);
    const to = toEpochMs(b);
    if (to < from) return -workingTimeBetween(to, from);
    let total = 0;
    // Only days that overlap [from, to) are consulted, so an end at midnight never touches the next year.
    for (let day = chinaDayOf(from); to > from && startOfChinaDay(day) < to; day++) {
      for (const [segmentStart, segmentEnd] of workingIntervals(day)) {
        total += Math.max(0, Math.min(segmentEnd, to) - Math.max(segmentStart, from));
      }
    }
    return total;
  };

  const addTime = (start: Instant, durationMs: number, basis: TimeBasis): number => {
    if (basis === 'working') return addWorkingDuration(start, durationMs);
    assertDuration(durationMs);
    return toEpochMs(start) + durationMs;
  };
  const timeBetween = (a: Instant, b: Instant, basis: TimeBasis): number =>
    basis === 'working' ? workingTimeBetween(a, b) : toEpochMs(b) - toEpochMs(a);
  const durationMs = (duration: BusinessDuration) => durationToMs(duration, officeHours.workingDayMs);

  return {
    officeHours,
    workingDayMs: officeHours.workingDayMs,
    coveredYears: schedule.coveredYears,
    yearStatus: schedule.yearStatus,
    yearsBetween: (a, b) => {
      const [from, to] = [yearOfChinaDay(chinaDayOf(a)), yearOfChinaDay(chinaDayOf(b))].sort((x, y) => x - y);
      const years = Array.from({ length: to - from + 1 }, (_, index) => from + index);
      return { years, provisional: years.filter((year) => schedule.yearStatus(year) === 'provisional') };
    },
    dayInfo: (day) => schedule.dayInfo(chinaDayOfInput(day)),
    isWorkingDay: (day) => schedule.isWorkingDay(chinaDayOfInput(day)),
    isWorkingTime: (at) => {
      const ms = toEpochMs(at);
      return workingIntervals(chinaDayOf(ms)).some(([start, end]) => ms >= start && ms < end);
    },
    addWorkingDuration,
    workingTimeBetween,
    addTime,
    timeBetween,
    addDuration: (start, duration) => addTime(start, durationMs(duration), duration.basis),
    durationMs,
  };
}

function assertDuration(durationMs: number): void {
  if (!Number.isFinite(durationMs) || durationMs < 0) throw new RangeError(`A duration must be a finite number of ms ≥ 0, got ${durationMs}`);
}
