import { readFile, stat } from 'node:fs/promises';
import { type CalendarOverrideTable, validateCalendarOverrides } from '@civicflow/domain';
import type { CalendarSource } from '../case/case.activities';
import type { CalendarSourceInfo } from './calendar-from-grid';

/**
 * The administrator's calendar override table (next year's 放假安排, local days off) from a JSON file (format:
 * libs/domain/README.md), read again whenever it changes, so a new year's schedule reaches running cases
 * within the hour without a restart. A broken edit keeps the last good table and says so; a broken file at
 * start is an error, loudly.
 */
export function calendarOverridesFromFile(path: string | undefined, warn: (message: string) => void = console.warn): CalendarSource & { info(): CalendarSourceInfo } {
  if (!path) return { read: () => ({ version: 0, table: {} }), info: () => ({ source: 'package', version: 0, fetchedAt: null }) };
  let cache: { mtimeMs: number; table: CalendarOverrideTable } | undefined;
  return {
    info: () => ({ source: 'file', version: 0, fetchedAt: cache ? new Date(cache.mtimeMs).toISOString() : null }),
    async read() {
      const { mtimeMs } = await stat(path);
      if (cache?.mtimeMs === mtimeMs) return { version: 0, table: cache.table };
      try {
        const table = validateCalendarOverrides(JSON.parse(await readFile(path, 'utf8')) as unknown);
        cache = { mtimeMs, table };
        return { version: 0, table };
      } catch (error) {
        if (!cache) throw error;
        warn(`节假日覆盖表 ${path} 有误，继续使用上一版 calendar overrides in ${path} are invalid, keeping the last good table: ${error instanceof Error ? error.message : String(error)}`);
        cache = { ...cache, mtimeMs };
        return { version: 0, table: cache.table };
      }
    },
  };
}
