import { InvalidCalendarOverride } from './calendar-errors';
import { type CalendarOverrideTable, validateCalendarOverrides, type YearScheduleOverride } from './calendar-overrides';
import { dateKeyOfChinaDay, parseDateKey } from './china-time';
import { createHolidaySchedule, type DayInfo, type YearStatus } from './holiday-schedule';
import { STATUTORY_LAW, statutoryHolidays } from './statutory-holidays';

/**
 * A year's official holiday arrangement (放假安排) as an administrator enters it: the State Council's notice as
 * days off and make-up working days (调休上班), each with the name of its holiday. Checked against the law before
 * it is saved, and shown as a difference from what the calendar answers for that year today.
 */
export interface DayEntry {
  readonly date: string;
  readonly name?: string;
}

export interface YearArrangement {
  readonly year: number;
  readonly holidays: readonly DayEntry[];
  readonly makeUpWorkdays: readonly DayEntry[];
  /** e.g. 国务院办公厅关于2027年部分节假日安排的通知 */
  readonly note?: string;
}

/** One day whose answer the arrangement changes. */
export interface DayChange {
  readonly date: string;
  readonly before: Pick<DayInfo, 'working' | 'reason' | 'name' | 'provisional'>;
  readonly after: Pick<DayInfo, 'working' | 'reason' | 'name'>;
}

export interface ArrangementDiff {
  /** What the year was before: an official arrangement (package or entered), or provisional from the law. */
  readonly before: YearStatus;
  readonly changes: readonly DayChange[];
  /** Working days in the year before and after. */
  readonly workingDays: { readonly before: number; readonly after: number };
}

/** The arrangement as an override-table entry (what the calendar consumes). */
export function toYearOverride(arrangement: YearArrangement): YearScheduleOverride {
  const names = Object.fromEntries([...arrangement.holidays, ...arrangement.makeUpWorkdays].filter((day) => day.name).map((day) => [day.date, day.name!]));
  return {
    year: arrangement.year,
    holidays: arrangement.holidays.map((day) => day.date),
    makeUpWorkdays: arrangement.makeUpWorkdays.map((day) => day.date),
    ...(Object.keys(names).length > 0 ? { names } : {}),
    ...(arrangement.note ? { note: arrangement.note } : {}),
  };
}

/**
 * Checks an arrangement: real dates of its year, no day listed twice or as both, make-up days on weekends
 * (validateCalendarOverrides), and — for years under the 2024 amendment — every statutory day off: listed as a
 * holiday, or a weekend not turned into a working day. Throws InvalidCalendarOverride naming the field.
 */
export function checkYearArrangement(arrangement: YearArrangement): YearArrangement {
  const [entry] = validateCalendarOverrides({ years: [toYearOverride(arrangement)] }).years ?? [];
  if (entry.holidays.length === 0) throw new InvalidCalendarOverride('holidays', '至少需要一个放假日', 'at least one holiday is required');
  if (arrangement.year >= STATUTORY_LAW.inForceFromYear) {
    const schedule = createHolidaySchedule({ years: [entry] }, { provisional: false });
    const missing = statutoryHolidays(arrangement.year).filter((day) => schedule.isWorkingDay(parseDateKey(day.date)));
    if (missing.length > 0) {
      const list = missing.map((day) => `${day.date} ${day.name}`).join(', ');
      throw new InvalidCalendarOverride('holidays', `缺少法定节假日（${STATUTORY_LAW.zh}）：${list}`, `statutory holidays are missing (${STATUTORY_LAW.en}): ${list}`);
    }
  }
  return arrangement;
}

/**
 * The arrangement's difference from what the calendar answers for its year with `current` (the override table
 * in force): every day whose working status or name changes, in date order.
 */
export function diffArrangement(current: CalendarOverrideTable, arrangement: YearArrangement): ArrangementDiff {
  const before = createHolidaySchedule(current);
  const others = (current.years ?? []).filter((entry) => entry.year !== arrangement.year);
  const after = createHolidaySchedule({ ...current, years: [...others, toYearOverride(arrangement)] });
  const changes: DayChange[] = [];
  const workingDays = { before: 0, after: 0 };
  const first = parseDateKey(`${arrangement.year}-01-01`);
  const last = parseDateKey(`${arrangement.year}-12-31`);
  for (let day = first; day <= last; day++) {
    const was = before.dayInfo(day);
    const will = after.dayInfo(day);
    if (was.working) workingDays.before++;
    if (will.working) workingDays.after++;
    if (was.working === will.working && (was.name ?? '') === (will.name ?? '')) continue;
    changes.push({
      date: dateKeyOfChinaDay(day),
      before: { working: was.working, reason: was.reason, ...(was.name ? { name: was.name } : {}), ...(was.provisional ? { provisional: true as const } : {}) },
      after: { working: will.working, reason: will.reason, ...(will.name ? { name: will.name } : {}) },
    });
  }
  return { before: before.yearStatus(arrangement.year), changes, workingDays };
}
