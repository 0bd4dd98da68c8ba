import { CalendarYearNotCovered } from './calendar-errors';
import { type CalendarOverrideTable, validateCalendarOverrides } from './calendar-overrides';
import { dateKeyOfChinaDay, isWeekendChinaDay, parseDateKey, yearOfChinaDay } from './china-time';
import { PACKAGE_YEAR_SCHEDULES } from './package-holiday-data';

/** Why a day is or is not worked. */
export type DayReason =
  | 'weekday' // 平日
  | 'weekend' // 周末
  | 'publicHoliday' // 法定节假日（含调休放假）
  | 'makeUpWorkday' // 调休上班
  | 'localOverride'; // 本地调整

export interface DayInfo {
  readonly date: string;
  readonly working: boolean;
  readonly reason: DayReason;
  /** Holiday name or the administrator's note, when there is one. */
  readonly name?: string;
}

/** Which China days are worked, for the covered years only. */
export interface HolidaySchedule {
  readonly coveredYears: readonly number[];
  isYearCovered(year: number): boolean;
  /** Throws CalendarYearNotCovered for a day in a year without a schedule. */
  dayInfo(chinaDay: number): DayInfo;
  isWorkingDay(chinaDay: number): boolean;
}

/**
 * Builds the schedule: package data, then the administrator's year entries (each replaces that year's
 * package data wholesale, so a wrong package year can be corrected), then single-day local overrides.
 */
export function createHolidaySchedule(overrides?: CalendarOverrideTable): HolidaySchedule {
  const table = validateCalendarOverrides(overrides);
  const yearSchedules = new Map(PACKAGE_YEAR_SCHEDULES);
  for (const entry of table.years ?? []) {
    const note = entry.note ?? '';
    yearSchedules.set(entry.year, {
      year: entry.year,
      holidays: new Map(entry.holidays.map((date) => [date, note])),
      makeUpWorkdays: new Map(entry.makeUpWorkdays.map((date) => [date, note])),
    });
  }

  const holidays = new Map<number, string>();
  const makeUpWorkdays = new Map<number, string>();
  for (const schedule of yearSchedules.values()) {
    for (const [date, name] of schedule.holidays) holidays.set(parseDateKey(date), name);
    for (const [date, name] of schedule.makeUpWorkdays) makeUpWorkdays.set(parseDateKey(date), name);
  }
  const localDays = new Map((table.days ?? []).map((day) => [parseDateKey(day.date), day]));
  const coveredYears = [...yearSchedules.keys()].sort((a, b) => a - b);
  const covered = new Set(coveredYears);

  const dayInfo = (chinaDay: number): DayInfo => {
    const year = yearOfChinaDay(chinaDay);
    if (!covered.has(year)) throw new CalendarYearNotCovered(year, coveredYears);
    const date = dateKeyOfChinaDay(chinaDay);
    const local = localDays.get(chinaDay);
    if (local) return withName({ date, working: local.working, reason: 'localOverride' }, local.note);
    const holiday = holidays.get(chinaDay);
    if (holiday !== undefined) return withName({ date, working: false, reason: 'publicHoliday' }, holiday);
    const makeUp = makeUpWorkdays.get(chinaDay);
    if (makeUp !== undefined) return withName({ date, working: true, reason: 'makeUpWorkday' }, makeUp);
    return isWeekendChinaDay(chinaDay) ? { date, working: false, reason: 'weekend' } : { date, working: true, reason: 'weekday' };
  };

  return {
    coveredYears,
    isYearCovered: (year) => covered.has(year),
    dayInfo,
    isWorkingDay: (chinaDay) => dayInfo(chinaDay).working,
  };
}

function withName(info: DayInfo, name: string | undefined): DayInfo {
  return name ? { ...info, name } : info;
}
