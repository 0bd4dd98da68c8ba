import { type CalendarOverrideTable, type OfficeHoursConfig, officeHoursAlong, unitChain, validateCalendarOverrides } from '@civicflow/domain';
import type { CalendarData, CalendarSource } from '../case/case.activities';

/** What grid's GET /api/v1/calendar/table answers. */
interface GridCalendarTable {
  version: number;
  table: CalendarOverrideTable;
  officeHours?: { byUnit: Record<string, OfficeHoursConfig>; parents: Record<string, string | null> };
}

export interface GridCalendarOptions {
  /** The grid service, e.g. http://127.0.0.1:3003. */
  gridUrl: string;
  /** How long a fetched table serves before it is fetched again (a new arrangement reaches every worker within it). */
  refreshMs?: number;
  /** How long a read waits for grid to refresh a table past its refresh time before it serves that table (default 250 ms). */
  staleWaitMs?: number;
  timeoutMs?: number;
  warn?: (message: string) => void;
  fetch?: typeof fetch;
  now?: () => number;
}

export interface CalendarSourceInfo {
  source: 'grid' | 'file' | 'package';
  version: number;
  fetchedAt: string | null;
  lastError?: string;
}

/**
 * The administered calendar from the grid service (official arrangements entered there, units' office hours),
 * cached: fetched again after `refreshMs`, or at once when a recompute asks for a version newer than the cache.
 * A table past its refresh time is refreshed, but a read waits for grid at most `staleWaitMs` and then serves the
 * table it has while the new one comes: every case's first workflow task reads the clocks, and waiting there for
 * grid (up to its timeout under load) stalled every case started meanwhile. When grid cannot answer, the last table keeps serving (and says so); with none, or older than
 * a recompute needs, reading fails and the workflow tries again later.
 */
export function calendarFromGrid(options: GridCalendarOptions): CalendarSource & { info(): CalendarSourceInfo } {
  const refreshMs = options.refreshMs ?? 60_000;
  const staleWaitMs = options.staleWaitMs ?? 250;
  const now = options.now ?? Date.now;
  const fetchJson = options.fetch ?? fetch;
  const url = `${options.gridUrl.replace(/\/+$/, '')}/api/v1/calendar/table`;
  let cache: { data: CalendarData; officeHours: NonNullable<GridCalendarTable['officeHours']>; fetchedAt: number } | undefined;
  let lastError: string | undefined;
  let pending: Promise<void> | undefined;

  const load = async () => {
    const res = await fetchJson(url, { signal: AbortSignal.timeout(options.timeoutMs ?? 5_000), headers: { accept: 'application/json' } });
    if (!res.ok) throw new Error(`grid answered ${res.status} for the calendar table`);
    const body = (await res.json()) as GridCalendarTable;
    if (typeof body.version !== 'number') throw new Error('grid answered a calendar table without a version');
    cache = {
      data: { version: body.version, table: validateCalendarOverrides(body.table) },
      officeHours: body.officeHours ?? { byUnit: {}, parents: {} },
      fetchedAt: now(),
    };
    lastError = undefined;
  };
  const fetchOnce = () => (pending ??= load().finally(() => (pending = undefined)));
  const kept = (error: unknown) => {
    lastError = error instanceof Error ? error.message : String(error);
    options.warn?.(`工作日历暂用缓存 the calendar from grid could not be refreshed, keeping version ${cache!.data.version}: ${lastError}`);
  };

  return {
    async read(minVersion) {
      const enough = (held: typeof cache) => held !== undefined && (minVersion === undefined || held.data.version >= minVersion);
      if (cache && enough(cache)) {
        if (now() - cache.fetchedAt >= refreshMs) {
          const refreshed = fetchOnce().catch(kept);
          // a quick grid answers within the wait (the new table serves at once); a slow one is not waited for
          await Promise.race([refreshed, new Promise<void>((resolve) => setTimeout(resolve, staleWaitMs).unref?.())]);
        }
        return cache.data;
      }
      try {
        await fetchOnce();
      } catch (error) {
        if (!enough(cache)) {
          lastError = error instanceof Error ? error.message : String(error);
          throw error;
        }
        kept(error);
      }
      if (!enough(cache)) throw new Error(`grid's calendar is at version ${cache?.data.version}, older than the ${minVersion} a recompute needs`);
      return cache!.data;
    },
    officeHoursFor(unitId) {
      const hours = cache?.officeHours;
      if (!hours || Object.keys(hours.byUnit).length === 0) return undefined;
      const chain = unitChain(unitId, hours.parents);
      return chain.some((id) => id in hours.byUnit) ? officeHoursAlong(chain, hours.byUnit) : undefined;
    },
    info: () => ({ source: 'grid', version: cache?.data.version ?? 0, fetchedAt: cache ? new Date(cache.fetchedAt).toISOString() : null, ...(lastError ? { lastError } : {}) }),
  };
}
