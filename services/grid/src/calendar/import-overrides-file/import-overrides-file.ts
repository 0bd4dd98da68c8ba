import { readFile } from 'node:fs/promises';
import { Logger } from '@nestjs/common';
import { DomainError, toYearOverride, validateCalendarOverrides, type YearArrangement, type YearScheduleOverride } from '@civicflow/domain';
import { CalendarStore } from '../calendar.store';
import type { EnterYearArrangementUseCase } from '../enter-year-arrangement/enter-year-arrangement.usecase';

const FILE_ACCOUNT = { userId: 'overrides-file', name: 'CALENDAR_OVERRIDES_FILE', role: 'admin' };

/**
 * The migration of CALENDAR_OVERRIDES_FILE (the JSON table the worker used to read): at start, every year in it
 * that differs from the calendar's is entered as that year's next version (source overrides-file, audited like
 * any entry, so running cases recompute). A year the law-check refuses stays as it was and is logged; single-day
 * entries (`days`) are not carried over — an administrator enters such a day in its year's arrangement.
 */
export async function importOverridesFile(path: string, store: CalendarStore, enter: EnterYearArrangementUseCase, logger = new Logger('CalendarOverridesFile')): Promise<void> {
  let table;
  try {
    table = validateCalendarOverrides(JSON.parse(await readFile(path, 'utf8')) as unknown);
  } catch (error) {
    throw new Error(`节假日覆盖表 ${path} 无法导入 CALENDAR_OVERRIDES_FILE ${path} cannot be imported: ${error instanceof Error ? error.message : String(error)}`);
  }
  if ((table.days ?? []).length > 0) {
    logger.warn(`覆盖表中的 ${table.days!.length} 个单日调整未导入，请在对应年份的放假安排中录入 ${table.days!.length} single-day entries (days) of ${path} were not imported; enter them in their year's arrangement`);
  }
  for (const entry of table.years ?? []) {
    const doc = await store.read();
    const current = doc.years.find((stored) => stored.year === entry.year);
    if (current && JSON.stringify(toYearOverride(current.arrangement)) === JSON.stringify(toYearOverride(arrangementOf(entry)))) continue;
    try {
      const saved = await enter.execute(
        { year: entry.year, input: { format: 'arrangement', content: arrangementOf(entry), ...(entry.note ? { note: entry.note } : {}) }, expectedYearVersion: current?.yearVersion ?? 0, source: 'overrides-file' },
        FILE_ACCOUNT,
      );
      if (saved.change !== 'unchanged') logger.log(`已从覆盖表导入 ${entry.year} 年放假安排 imported the ${entry.year} arrangement from ${path} (year version ${saved.yearVersion})`);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      logger.error(`覆盖表中的 ${entry.year} 年未导入 the ${entry.year} entry of ${path} was not imported: ${error.en}`);
    }
  }
}

function arrangementOf(entry: YearScheduleOverride): YearArrangement {
  return { year: entry.year, holidays: named(entry.holidays, entry), makeUpWorkdays: named(entry.makeUpWorkdays, entry), ...(entry.note ? { note: entry.note } : {}) };
}

function named(dates: readonly string[], entry: YearScheduleOverride) {
  return dates.map((date) => ({ date, ...(entry.names?.[date] ? { name: entry.names[date] } : {}) }));
}
