// Reading SLA clocks against the business calendar. The types are shared with workflow code; `readClocks`
// runs in the `readCaseClocks` local activity (see case.activities.ts for why the calendar lives there).
import {
  type BusinessCalendar,
  DomainError,
  readSlaClock,
  type SlaClock,
  type SlaThresholds,
  type SlaWindowName,
} from '@civicflow/domain';

/** One clock to read: 'case' or 'department:<id>', with the unit whose office hours apply. */
export interface ClockToRead {
  key: string;
  window: SlaWindowName;
  clock: SlaClock;
  unitId?: string;
  departmentId?: string;
}

interface ReadingBase {
  key: string;
  window: SlaWindowName;
  departmentId?: string;
  startedAt: number;
  paused: boolean;
}

/** Instants are UTC ms; `warningAt`/`breachAt` are null while the clock is paused before reaching them. */
export interface ClockReading extends ReadingBase {
  status: 'onTrack' | 'warning' | 'breached';
  allowanceMs: number;
  elapsedMs: number;
  warningAt: number | null;
  breachAt: number | null;
  error?: undefined;
}

/** The calendar refused (e.g. CALENDAR_YEAR_NOT_COVERED): the workflow shows it and tries again later. */
export interface ClockReadingError extends ReadingBase {
  error: { code: string; zh: string; en: string };
}

export type ClockReadingResult = ClockReading | ClockReadingError;

/**
 * Reads each clock at `now`. A calendar error is returned as a value for that clock (a missing holiday
 * schedule is an administrator's task, not a reason to fail the case); any other error throws.
 */
export function readClocks(
  calendarFor: (unitId: string | undefined) => BusinessCalendar,
  clocks: readonly ClockToRead[],
  now: number,
  thresholds: SlaThresholds,
): ClockReadingResult[] {
  return clocks.map((entry) => {
    const base: ReadingBase = {
      key: entry.key,
      window: entry.window,
      ...(entry.departmentId ? { departmentId: entry.departmentId } : {}),
      startedAt: entry.clock.startedAt,
      paused: entry.clock.pauses.length > 0 && entry.clock.pauses[entry.clock.pauses.length - 1].to === null,
    };
    try {
      const reading = readSlaClock(calendarFor(entry.unitId), entry.clock, now, thresholds);
      return {
        ...base,
        status: reading.status,
        allowanceMs: reading.allowanceMs,
        elapsedMs: reading.elapsedMs,
        warningAt: reading.warningAt,
        breachAt: reading.breachAt,
      };
    } catch (error) {
      if (error instanceof DomainError) return { ...base, error: { code: error.code, zh: error.zh, en: error.en } };
      throw error;
    }
  });
}
