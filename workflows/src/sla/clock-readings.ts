// Reading SLA clocks against the business calendar. The types are shared with workflow code; `readClocks`
// runs in the `readCaseClocks` local activity (see case.activities.ts for why the calendar lives there).
import {
  type BusinessCalendar,
  DomainError,
  readSlaClock,
  type SlaClock,
  slaClockBasis,
  type SlaStatus,
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
  /** Version of the calendar data the reading used (grid's calendar version; 0 without one). */
  calendarVersion?: number;
}

/** Instants are UTC ms; `warningAt`/`breachAt` are null while the clock is paused before reaching them. */
export interface ClockReading extends ReadingBase {
  status: SlaStatus;
  allowanceMs: number;
  elapsedMs: number;
  warningAt: number | null;
  breachAt: number | null;
  /**
   * Years whose working days the reading used (start of the clock to its deadline, or to now once past it);
   * absent for natural time, which never asks the calendar. Readings recorded before 2026-12 lack it.
   */
  calendarYears?: number[];
  /** Some of those years have no official arrangement yet: the deadline is computed from the law (暂定). */
  provisional?: true;
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
      const calendar = calendarFor(entry.unitId);
      const reading = readSlaClock(calendar, entry.clock, now, thresholds);
      const span = slaClockBasis(entry.clock) === 'working' ? calendar.yearsBetween(entry.clock.startedAt, Math.max(now, reading.breachAt ?? now)) : undefined;
      return {
        ...base,
        status: reading.status,
        allowanceMs: reading.allowanceMs,
        elapsedMs: reading.elapsedMs,
        warningAt: reading.warningAt,
        breachAt: reading.breachAt,
        ...(span ? { calendarYears: span.years } : {}),
        ...(span && span.provisional.length > 0 ? { provisional: true as const } : {}),
      };
    } catch (error) {
      if (error instanceof DomainError) return { ...base, error: { code: error.code, zh: error.zh, en: error.en } };
      throw error;
    }
  });
}
