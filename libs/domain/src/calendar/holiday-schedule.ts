import { CalendarYearNotCovered } from './calendar-errors';
import { type CalendarOverrideTable, validateCalendarOverrides } from './calendar-overrides';
import { dateKeyOfChinaDay, isWeekendChinaDay, parseDateKey, yearOfChinaDay } from './china-time';
import { PACKAGE_YEAR_SCHEDULES, type YearSchedule } from './package-holiday-data';
import { daysInLieu, STATUTORY_LAW, statutoryHolidays } from './statutory-holidays';

/** Why a day is or is not worked. */
export type DayReason =
  | 'weekday' // 平日
  | 'weekend' // 周末
  | 'publicHoliday' // 法定节假日（含调休放假、补假）
  | 'makeUpWorkday' // 调休上班
  | 'localOverride'; // 本地调整

export interface DayInfo {
  readonly date: string;
  readonly working: boolean;
  readonly reason: DayReason;
  /** Holiday name or the administrator's note, when there is one. */
  readonly name?: string;
  /** The day's year has no official arrangement yet: this answer comes from the law (暂定), see YearStatus. */
  readonly provisional?: true;
}

/**
 * official: the State Council's arrangement is known (package data or entered by an administrator).
 * provisional (暂定): not yet; the statutory days, days in lieu and weekends of the law stand in for it, and
 * anything computed from them must say so and be recomputed when the arrangement arrives.
 * uncovered: neither (before the package's data, or beyond the provisional range): questions about it throw.
 */
export type YearStatus = 'official' | 'provisional' | 'uncovered';

/** Years the law-based calendar answers for when no arrangement is entered (the amended law, to a sane horizon). */
export const PROVISIONAL_YEARS = { from: STATUTORY_LAW.inForceFromYear, to: 2199 } as const;

export interface HolidayScheduleOptions {
  /** Answer years without an arrangement from the law, marked provisional (default). false: refuse them. */
  readonly provisional?: boolean;
}

/** Which China days are worked. */
export interface HolidaySchedule {
  /** Years with an official arrangement, ascending. */
  readonly coveredYears: readonly number[];
  yearStatus(year: number): YearStatus;
  /** Official or provisional. */
  isYearCovered(year: number): boolean;
  /** Throws CalendarYearNotCovered for a day in an uncovered year. */
  dayInfo(chinaDay: number): DayInfo;
  isWorkingDay(chinaDay: number): boolean;
}

/**
 * Builds the schedule: package data, then the administrator's year entries (each replaces that year's
 * package data wholesale, so a wrong package year can be corrected), then single-day local overrides; years
 * without an arrangement from the law (provisional).
 */
export function createHolidaySchedule(overrides?: CalendarOverrideTable, options: HolidayScheduleOptions = {}): HolidaySchedule {
  const table = validateCalendarOverrides(overrides);
  const yearSchedules = new Map(PACKAGE_YEAR_SCHEDULES);
  for (const entry of table.years ?? []) {
    const note = entry.note ?? '';
    yearSchedules.set(entry.year, {
      year: entry.year,
      holidays: new Map(entry.holidays.map((date) => [date, entry.names?.[date] ?? note])),
      makeUpWorkdays: new Map(entry.makeUpWorkdays.map((date) => [date, entry.names?.[date] ?? note])),
    });
  }
  const localDays = new Map((table.days ?? []).map((day) => [parseDateKey(day.date), day]));
  const coveredYears = [...yearSchedules.keys()].sort((a, b) => a - b);
  const provisionalOn = options.provisional ?? true;

  const yearStatus = (year: number): YearStatus => {
    if (yearSchedules.has(year)) return 'official';
    return provisionalOn && year >= PROVISIONAL_YEARS.from && year <= PROVISIONAL_YEARS.to ? 'provisional' : 'uncovered';
  };

  const dayInfo = (chinaDay: number): DayInfo => {
    const year = yearOfChinaDay(chinaDay);
    const status = yearStatus(year);
    if (status === 'uncovered') throw new CalendarYearNotCovered(year, coveredYears, provisionalOn ? PROVISIONAL_YEARS : undefined);
    const date = dateKeyOfChinaDay(chinaDay);
    const local = localDays.get(chinaDay);
    if (local) return withName({ date, working: local.working, reason: 'localOverride' }, local.note);
    const schedule = status === 'official' ? yearSchedules.get(year)! : provisionalYearSchedule(year);
    const mark = status === 'provisional' ? ({ provisional: true } as const) : {};
    const holiday = schedule.holidays.get(date);
    if (holiday !== undefined) return withName({ date, working: false, reason: 'publicHoliday', ...mark }, holiday);
    const makeUp = schedule.makeUpWorkdays.get(date);
    if (makeUp !== undefined) return withName({ date, working: true, reason: 'makeUpWorkday', ...mark }, makeUp);
    return isWeekendChinaDay(chinaDay) ? { date, working: false, reason: 'weekend', ...mark } : { date, working: true, reason: 'weekday', ...mark };
  };

  return {
    coveredYears,
    yearStatus,
    isYearCovered: (year) => yearStatus(year) !== 'uncovered',
    dayInfo,
    isWorkingDay: (chinaDay) => dayInfo(chinaDay).working,
  };
}

const provisionalSchedules = new Map<number, YearSchedule>();

/**
 * A year's calendar from the law alone: its statutory days and the days in lieu for those on a weekend; no
 * 调休 make-up working days (only the State Council's notice can set those). Pure, so kept once per year.
 */
export function provisionalYearSchedule(year: number): YearSchedule {
  let schedule = provisionalSchedules.get(year);
  if (!schedule) {
    const statutory = statutoryHolidays(year);
    schedule = { year, holidays: new Map([...statutory, ...daysInLieu(statutory)].map((day) => [day.date, day.name])), makeUpWorkdays: new Map() };
    provisionalSchedules.set(year, schedule);
  }
  return schedule;
}

function withName<T extends DayInfo>(info: T, name: string | undefined): T {
  return name ? { ...info, name } : info;
}
