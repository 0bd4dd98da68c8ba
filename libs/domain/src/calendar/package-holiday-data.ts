import chineseDays from 'chinese-days/dist/chinese-days.json';

/** The official schedule of one year: days off for public holidays and make-up working days (调休上班). */
export interface YearSchedule {
  readonly year: number;
  /** 'YYYY-MM-DD' → holiday name, e.g. '国庆节 National Day'. */
  readonly holidays: ReadonlyMap<string, string>;
  readonly makeUpWorkdays: ReadonlyMap<string, string>;
}

/** The package stores values as "English name,中文名,days", e.g. "National Day,国庆节,3". */
function holidayName(raw: string): string {
  const [en, zh] = raw.split(',');
  return zh && en ? `${zh} ${en}` : raw;
}

function groupByYear(
  holidays: Record<string, string>,
  workdays: Record<string, string>,
): ReadonlyMap<number, YearSchedule> {
  const years = new Map<number, { year: number; holidays: Map<string, string>; makeUpWorkdays: Map<string, string> }>();
  const yearEntry = (dateKey: string) => {
    const year = Number(dateKey.slice(0, 4));
    let entry = years.get(year);
    if (!entry) {
      entry = { year, holidays: new Map(), makeUpWorkdays: new Map() };
      years.set(year, entry);
    }
    return entry;
  };
  for (const [dateKey, raw] of Object.entries(holidays)) yearEntry(dateKey).holidays.set(dateKey, holidayName(raw));
  for (const [dateKey, raw] of Object.entries(workdays)) yearEntry(dateKey).makeUpWorkdays.set(dateKey, holidayName(raw));
  return years;
}

/**
 * The State Council schedules shipped in `chinese-days` (2004–2026 in version 1.5.7), by year. A year is
 * covered only if the package has at least one holiday in it; any other year is unknown, not "ordinary".
 */
export const PACKAGE_YEAR_SCHEDULES: ReadonlyMap<number, YearSchedule> = groupByYear(
  chineseDays.holidays,
  chineseDays.workdays,
);
