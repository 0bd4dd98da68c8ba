import { DomainError } from '../shared/domain-error';

/**
 * The calendar has no holiday schedule for a year. Raised instead of guessing: treating an unknown year
 * as ordinary weekdays would silently put deadlines on public holidays (the bug of several npm packages).
 */
export class CalendarYearNotCovered extends DomainError {
  constructor(
    readonly year: number,
    readonly coveredYears: readonly number[],
    /** The years the law-based provisional calendar answers for, when it is on. */
    readonly provisionalYears?: { readonly from: number; readonly to: number },
  ) {
    const range = describeYears(coveredYears);
    const provisional = provisionalYears ? `；按法定假日暂定：${provisionalYears.from}–${provisionalYears.to}` : '';
    const provisionalEn = provisionalYears ? `; provisional from the law: ${provisionalYears.from}–${provisionalYears.to}` : '';
    super(
      'CALENDAR_YEAR_NOT_COVERED',
      `工作日历没有 ${year} 年的节假日安排（现有：${range}${provisional}），无法计算工作时间。请管理员录入 ${year} 年的放假与调休安排。`,
      `The business calendar has no holiday schedule for ${year} (covered: ${range}${provisionalEn}), so working time cannot be computed. An administrator must add the ${year} schedule (holidays and make-up working days) to the calendar's override table.`,
    );
  }
}

/** An administrator's override table is malformed; `entry` names the offending entry. */
export class InvalidCalendarOverride extends DomainError {
  constructor(
    readonly entry: string,
    problemZh: string,
    problemEn: string,
  ) {
    super('INVALID_CALENDAR_OVERRIDE', `节假日覆盖表 ${entry} 有误：${problemZh}`, `Calendar override ${entry} is invalid: ${problemEn}`);
  }
}

export class InvalidOfficeHours extends DomainError {
  constructor(problemZh: string, problemEn: string) {
    super('INVALID_OFFICE_HOURS', `办公时间配置有误：${problemZh}`, `Office hours are invalid: ${problemEn}`);
  }
}

/** A search for working time ran through a long stretch with none (e.g. an override marking a whole year off). */
export class NoWorkingTimeFound extends DomainError {
  constructor(fromDate: string, days: number) {
    super(
      'NO_WORKING_TIME_FOUND',
      `自 ${fromDate} 起 ${days} 天内没有任何工作时间，请检查节假日覆盖表。`,
      `No working time in the ${days} days from ${fromDate}; check the calendar override table.`,
    );
  }
}

function describeYears(years: readonly number[]): string {
  if (years.length === 0) return '—';
  const sorted = [...years].sort((a, b) => a - b);
  const runs: string[] = [];
  let runStart = sorted[0];
  for (let i = 1; i <= sorted.length; i++) {
    if (i < sorted.length && sorted[i] === sorted[i - 1] + 1) continue;
    const runEnd = sorted[i - 1];
    runs.push(runStart === runEnd ? `${runStart}` : `${runStart}–${runEnd}`);
    runStart = sorted[i];
  }
  return runs.join(', ');
}
