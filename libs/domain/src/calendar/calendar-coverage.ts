import { chinaDayOf, dateKeyOfChinaDay, type Instant, parseDateKey, yearOfChinaDay } from './china-time';
import { type HolidaySchedule, PROVISIONAL_YEARS } from './holiday-schedule';

/** How far ahead the calendar knows the official arrangements, seen from one day. */
export interface CalendarCoverage {
  /** China date of the moment asked about. */
  today: string;
  /** Last day of the run of official years starting with the current one (the cliff of provisional deadlines). */
  officialThrough: string;
  /** The first year after it, whose arrangement an administrator must enter. */
  missingYear: number;
  /** Days from today to `officialThrough` (negative once past it). */
  daysLeft: number;
  /** Within `warningDays` of the cliff: administrators and supervisors are told every working day. */
  warning: boolean;
  warningDays: number;
  /** Years with an official arrangement, ascending. */
  officialYears: readonly number[];
  /** Years the law-based provisional calendar answers for. */
  provisionalYears: { readonly from: number; readonly to: number };
}

/** 60 days before the last officially arranged day, the warnings start (the State Council publishes in November). */
export const CALENDAR_WARNING_DAYS = 60;

export function calendarCoverage(schedule: Pick<HolidaySchedule, 'coveredYears' | 'yearStatus'>, now: Instant, warningDays = CALENDAR_WARNING_DAYS): CalendarCoverage {
  const today = chinaDayOf(now);
  let year = yearOfChinaDay(today);
  while (schedule.yearStatus(year) === 'official') year++;
  const officialThrough = `${year - 1}-12-31`;
  const daysLeft = parseDateKey(officialThrough) - today;
  return {
    today: dateKeyOfChinaDay(today),
    officialThrough,
    missingYear: year,
    daysLeft,
    warning: daysLeft <= warningDays,
    warningDays,
    officialYears: schedule.coveredYears,
    provisionalYears: PROVISIONAL_YEARS,
  };
}
