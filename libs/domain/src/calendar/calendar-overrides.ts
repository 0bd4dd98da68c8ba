import { InvalidCalendarOverride } from './calendar-errors';
import { isWeekendChinaDay, tryParseDateKey, yearOfChinaDay } from './china-time';

/**
 * One year's official schedule entered by an administrator, e.g. when the State Council publishes next
 * year's 放假安排 in November. It replaces the package's data for that year and makes the year covered.
 */
export interface YearScheduleOverride {
  readonly year: number;
  /** Days off, 'YYYY-MM-DD' (放假). */
  readonly holidays: readonly string[];
  /** Weekend days that are worked instead (调休上班). */
  readonly makeUpWorkdays: readonly string[];
  /** Name of a listed day, e.g. '2027-02-06' → '春节 Spring Festival'; days without one show the note. */
  readonly names?: Readonly<Record<string, string>>;
  readonly note?: string;
}

/** A single local change, e.g. a city's extra day off or a working Saturday; applied last. */
export interface LocalDayOverride {
  readonly date: string;
  readonly working: boolean;
  readonly note?: string;
}

/** The administrator's override table, merged over the package data. */
export interface CalendarOverrideTable {
  readonly years?: readonly YearScheduleOverride[];
  readonly days?: readonly LocalDayOverride[];
}

const MIN_YEAR = 1949;
const MAX_YEAR = 2200;

/**
 * Checks an override table (typically parsed from JSON an administrator edited) and returns it typed.
 * Throws InvalidCalendarOverride naming the first bad entry.
 */
export function validateCalendarOverrides(input: unknown): CalendarOverrideTable {
  if (input === undefined || input === null) return {};
  if (typeof input !== 'object' || Array.isArray(input)) {
    throw new InvalidCalendarOverride('(root)', '必须是包含 years 和/或 days 的对象', 'must be an object with years and/or days');
  }
  const table = input as { years?: unknown; days?: unknown };
  return { years: validateYears(table.years), days: validateDays(table.days) };
}

function validateYears(years: unknown): YearScheduleOverride[] {
  if (years === undefined) return [];
  if (!Array.isArray(years)) throw new InvalidCalendarOverride('years', '必须是数组', 'must be an array');
  const seenYears = new Set<number>();
  return years.map((raw: unknown, index) => {
    const entry = (raw ?? {}) as Partial<Record<keyof YearScheduleOverride, unknown>>;
    const year = entry.year;
    const label = `years[${index}]${typeof year === 'number' ? ` (${year})` : ''}`;
    if (typeof year !== 'number' || !Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
      throw new InvalidCalendarOverride(label, `year 必须是 ${MIN_YEAR}–${MAX_YEAR} 之间的整数`, `year must be an integer between ${MIN_YEAR} and ${MAX_YEAR}`);
    }
    if (seenYears.has(year)) throw new InvalidCalendarOverride(label, `${year} 年重复录入`, `${year} is listed twice`);
    seenYears.add(year);
    const holidays = validateYearDates(label, 'holidays', entry.holidays, year);
    const makeUpWorkdays = validateYearDates(label, 'makeUpWorkdays', entry.makeUpWorkdays, year);
    for (const date of makeUpWorkdays) {
      if (holidays.includes(date)) {
        throw new InvalidCalendarOverride(label, `${date} 同时出现在放假日和调休上班日中`, `${date} is both a holiday and a make-up working day`);
      }
      if (!isWeekendChinaDay(tryParseDateKey(date)!)) {
        throw new InvalidCalendarOverride(label, `调休上班日 ${date} 不是周六或周日`, `make-up working day ${date} is not a Saturday or Sunday`);
      }
    }
    const names = validateNames(label, entry.names, [...holidays, ...makeUpWorkdays]);
    return { year, holidays, makeUpWorkdays, ...(names ? { names } : {}), ...(typeof entry.note === 'string' ? { note: entry.note } : {}) };
  });
}

const MAX_NAME_LENGTH = 100;

function validateNames(label: string, names: unknown, listed: readonly string[]): Record<string, string> | undefined {
  if (names === undefined) return undefined;
  if (typeof names !== 'object' || names === null || Array.isArray(names)) {
    throw new InvalidCalendarOverride(label, 'names 必须是 日期 → 名称 的对象', 'names must be an object of date → name');
  }
  const checked: Record<string, string> = {};
  for (const [date, name] of Object.entries(names)) {
    if (!listed.includes(date)) throw new InvalidCalendarOverride(label, `names 中的 ${date} 不是所列的放假日或调休上班日`, `${date} in names is neither a listed holiday nor a make-up working day`);
    if (typeof name !== 'string' || !name.trim() || name.length > MAX_NAME_LENGTH) {
      throw new InvalidCalendarOverride(label, `${date} 的名称须为 1–${MAX_NAME_LENGTH} 个字符`, `the name of ${date} must be 1–${MAX_NAME_LENGTH} characters`);
    }
    checked[date] = name.trim();
  }
  return checked;
}

function validateYearDates(label: string, field: string, dates: unknown, year: number): string[] {
  if (!Array.isArray(dates)) throw new InvalidCalendarOverride(label, `${field} 必须是日期数组`, `${field} must be an array of dates`);
  const seen = new Set<string>();
  for (const date of dates) {
    const chinaDay = typeof date === 'string' ? tryParseDateKey(date) : undefined;
    if (chinaDay === undefined) {
      throw new InvalidCalendarOverride(label, `${field} 中的 ${JSON.stringify(date)} 不是有效日期（YYYY-MM-DD）`, `${JSON.stringify(date)} in ${field} is not a real date (YYYY-MM-DD)`);
    }
    if (yearOfChinaDay(chinaDay) !== year) {
      throw new InvalidCalendarOverride(label, `${field} 中的 ${date} 不属于 ${year} 年（跨年日期请录入该日期所在年份或用单日覆盖）`, `${date} in ${field} is not in ${year} (enter it under its own year or as a single-day override)`);
    }
    if (seen.has(date as string)) throw new InvalidCalendarOverride(label, `${field} 中 ${date} 重复`, `${date} appears twice in ${field}`);
    seen.add(date as string);
  }
  return [...seen];
}

function validateDays(days: unknown): LocalDayOverride[] {
  if (days === undefined) return [];
  if (!Array.isArray(days)) throw new InvalidCalendarOverride('days', '必须是数组', 'must be an array');
  const seen = new Set<string>();
  return days.map((raw: unknown, index) => {
    const entry = (raw ?? {}) as Partial<Record<keyof LocalDayOverride, unknown>>;
    const label = `days[${index}]${typeof entry.date === 'string' ? ` (${entry.date})` : ''}`;
    if (typeof entry.date !== 'string' || tryParseDateKey(entry.date) === undefined) {
      throw new InvalidCalendarOverride(label, 'date 不是有效日期（YYYY-MM-DD）', 'date is not a real date (YYYY-MM-DD)');
    }
    if (typeof entry.working !== 'boolean') {
      throw new InvalidCalendarOverride(label, 'working 必须是 true（上班）或 false（休息）', 'working must be true (work) or false (day off)');
    }
    if (seen.has(entry.date)) throw new InvalidCalendarOverride(label, `${entry.date} 重复`, `${entry.date} is listed twice`);
    seen.add(entry.date);
    return { date: entry.date, working: entry.working, ...(typeof entry.note === 'string' ? { note: entry.note } : {}) };
  });
}
