import {
  CALENDAR_WARNING_DAYS,
  type CalendarCoverage,
  calendarCoverage,
  chinaDayOf,
  createHolidaySchedule,
  type DayInfo,
  PACKAGE_YEAR_SCHEDULES,
  parseDateKey,
  provisionalYearSchedule,
  type YearArrangement,
  type YearStatus,
  yearOfChinaDay,
} from '@civicflow/domain';
import type { CalendarChangeRecord, CalendarDoc, Who } from '../calendar.schema';
import { CalendarStore } from '../calendar.store';

/** Where a year's answer comes from: entered here, the shipped package's data, or the law (provisional). */
export type YearSource = 'entered' | 'package' | 'law';

export interface YearSummary {
  year: number;
  status: YearStatus;
  source: YearSource;
  yearVersion: number;
  enteredAt?: Date;
  enteredBy?: Who;
  holidays: number;
  makeUpWorkdays: number;
}

export interface YearDetail extends YearSummary {
  arrangement: YearArrangement | null;
  /** every day of the year as the calendar answers now */
  days: DayInfo[];
  /** changes of this year, newest first */
  history: CalendarChangeRecord[];
}

/** 放假安排一览: the years around today and the ones ever entered, each with where its answer comes from. */
export class ListCalendarYearsUseCase {
  constructor(
    private readonly store: CalendarStore,
    /** CALENDAR_WARNING_DAYS: how long before the cliff the console shows its banner */
    private readonly warningDays = CALENDAR_WARNING_DAYS,
    private readonly now: () => number = Date.now,
  ) {}

  async list(): Promise<{ version: number; coverage: CalendarCoverage; years: YearSummary[] }> {
    const doc = await this.store.read();
    const thisYear = yearOfChinaDay(chinaDayOf(this.now()));
    const years = new Set<number>([thisYear - 1, thisYear, thisYear + 1, thisYear + 2, ...doc.years.map((stored) => stored.year)]);
    return {
      version: doc.version,
      coverage: coverageOf(doc, this.now(), this.warningDays),
      years: [...years].sort((a, b) => b - a).map((year) => summaryOf(doc, year)),
    };
  }

  async get(year: number): Promise<YearDetail> {
    const doc = await this.store.read();
    const schedule = createHolidaySchedule(CalendarStore.tableOf(doc));
    const summary = summaryOf(doc, year);
    const days: DayInfo[] = [];
    if (summary.status !== 'uncovered') {
      for (let day = parseDateKey(`${year}-01-01`); day <= parseDateKey(`${year}-12-31`); day++) days.push(schedule.dayInfo(day));
    }
    return {
      ...summary,
      arrangement: arrangementOf(doc, year, summary.source),
      days,
      history: doc.history.filter((record) => record.year === year).reverse(),
    };
  }

  async coverage(): Promise<CalendarCoverage & { version: number }> {
    const doc = await this.store.read();
    return { ...coverageOf(doc, this.now(), this.warningDays), version: doc.version };
  }
}

export function coverageOf(doc: Pick<CalendarDoc, 'years'>, now: number, warningDays: number): CalendarCoverage {
  return calendarCoverage(createHolidaySchedule(CalendarStore.tableOf(doc)), now, warningDays);
}

function summaryOf(doc: CalendarDoc, year: number): YearSummary {
  const stored = doc.years.find((entry) => entry.year === year);
  if (stored) {
    return {
      year, status: 'official', source: 'entered', yearVersion: stored.yearVersion, enteredAt: stored.enteredAt, enteredBy: stored.enteredBy,
      holidays: stored.arrangement.holidays.length, makeUpWorkdays: stored.arrangement.makeUpWorkdays.length,
    };
  }
  const shipped = PACKAGE_YEAR_SCHEDULES.get(year);
  if (shipped) return { year, status: 'official', source: 'package', yearVersion: 0, holidays: shipped.holidays.size, makeUpWorkdays: shipped.makeUpWorkdays.size };
  const status = createHolidaySchedule().yearStatus(year);
  if (status === 'uncovered') return { year, status, source: 'law', yearVersion: 0, holidays: 0, makeUpWorkdays: 0 };
  return { year, status, source: 'law', yearVersion: 0, holidays: provisionalYearSchedule(year).holidays.size, makeUpWorkdays: 0 };
}

/** The year as an arrangement, whatever its source (the form starts from it). */
function arrangementOf(doc: CalendarDoc, year: number, source: YearSource): YearArrangement | null {
  const stored = doc.years.find((entry) => entry.year === year);
  if (stored) return stored.arrangement;
  const schedule = source === 'package' ? PACKAGE_YEAR_SCHEDULES.get(year) : source === 'law' && createHolidaySchedule().yearStatus(year) === 'provisional' ? provisionalYearSchedule(year) : undefined;
  if (!schedule) return null;
  const entries = (map: ReadonlyMap<string, string>) => [...map].sort(([a], [b]) => a.localeCompare(b)).map(([date, name]) => ({ date, ...(name ? { name } : {}) }));
  return { year, holidays: entries(schedule.holidays), makeUpWorkdays: entries(schedule.makeUpWorkdays) };
}
