// The workflow's book of SLA clocks: the latest readings (deadlines, warning and breach instants computed by
// the readCaseClocks local activity) and which warnings and breaches have already been announced. Pure.
import type { SlaSnapshot } from '@civicflow/contracts';
import { type CaseState, caseClocks, type SlaThresholds } from '@civicflow/domain';
import type { ClockReadingResult, ClockToRead } from '../sla/clock-readings';
import type { ClockView } from './case.contract';
import { iso } from './case-events';

/** Announced thresholds of one clock; `identity` (window@start) changes when a new window starts. */
export interface ClockMark {
  identity: string;
  warned: boolean;
  breached: boolean;
  /**
   * Set by a calendar recompute that kept an announced warning or breach: the clock's allowance then. Later
   * readings re-arm the mark only when the allowance grows beyond it (an extension), not because the calendar
   * moved the deadline.
   */
  heldAllowanceMs?: number;
}

export interface ClockBook {
  /** Signature of the clocks the readings were computed from; a different one means they are stale. */
  signature: string;
  readAt: number;
  readings: Record<string, ClockReadingResult>;
  marks: Record<string, ClockMark>;
}

export const emptyClockBook = (): ClockBook => ({ signature: '[]', readAt: 0, readings: {}, marks: {} });

/** How long to wait before asking the calendar again after it refused (e.g. a year not yet entered). */
export const CALENDAR_RETRY_MS = 60 * 60 * 1000;

export function clocksToRead(state: CaseState): ClockToRead[] {
  return caseClocks(state).map((entry) => ({
    key: entry.key,
    window: entry.window,
    clock: entry.clock,
    ...(entry.departmentId ? { departmentId: entry.departmentId, unitId: entry.departmentId } : state.assignee ? { unitId: state.assignee.unitId } : {}),
  }));
}

export function clocksSignature(state: CaseState): string {
  return JSON.stringify(caseClocks(state));
}

export function thresholdsOf(state: CaseState): SlaThresholds {
  const windows = state.classification?.slaWindows;
  return { warningFraction: windows?.warningFraction ?? 0.8, breachFraction: windows?.breachFraction ?? 1 };
}

export const identityOf = (reading: { window: string; startedAt: number }): string => `${reading.window}@${reading.startedAt}`;

/**
 * Takes fresh readings into the book: a clock with a new identity starts unannounced; a clock pushed back on
 * track (an approved extension) may warn and breach again — unless `rearm` is false (a calendar recompute: a
 * breach that fired is not undone by a later holiday arrangement).
 */
export function takeReadings(book: ClockBook, signature: string, readings: readonly ClockReadingResult[], now: number, options: { rearm?: boolean } = {}): ClockBook {
  const marks: Record<string, ClockMark> = {};
  const rearm = options.rearm ?? true;
  for (const reading of readings) {
    const identity = identityOf(reading);
    const previous = book.marks[reading.key];
    const mark: ClockMark = previous?.identity === identity ? { ...previous } : { identity, warned: false, breached: false };
    if (!reading.error) {
      const held = mark.heldAllowanceMs !== undefined && reading.allowanceMs <= mark.heldAllowanceMs;
      if (rearm && !held) {
        if (mark.warned && reading.warningAt !== null && reading.warningAt > now) mark.warned = false;
        if (mark.breached && reading.breachAt !== null && reading.breachAt > now) mark.breached = false;
      }
      if (!rearm && (mark.warned || mark.breached)) mark.heldAllowanceMs = reading.allowanceMs;
    }
    marks[reading.key] = mark;
  }
  return { signature, readAt: now, readings: Object.fromEntries(readings.map((r) => [r.key, r])), marks };
}

export function statusAt(reading: ClockReadingResult, at: number): 'on-track' | 'warning' | 'breached' {
  if (reading.error) return 'on-track';
  if (reading.breachAt !== null && at >= reading.breachAt) return 'breached';
  if (reading.warningAt !== null && at >= reading.warningAt) return 'warning';
  if (reading.paused) return reading.status === 'breached' ? 'breached' : reading.status === 'warning' ? 'warning' : 'on-track';
  return 'on-track';
}

export function snapshotOf(reading: ClockReadingResult | undefined, at: number): SlaSnapshot | null {
  if (!reading) return null;
  return {
    window: reading.window,
    startedAt: iso(reading.startedAt),
    status: statusAt(reading, at),
    paused: reading.paused,
    deadline: !reading.error && reading.breachAt !== null ? iso(reading.breachAt) : null,
    warningAt: !reading.error && reading.warningAt !== null ? iso(reading.warningAt) : null,
    ...(reading.error ? { calendarProblem: reading.error.code } : {}),
    ...(!reading.error && reading.provisional ? { provisional: true as const } : {}),
  };
}

export function clockView(book: ClockBook, key: string, at: number): ClockView | null {
  const reading = book.readings[key];
  if (!reading) return null;
  const mark = book.marks[key];
  const snapshot = snapshotOf(reading, at)!;
  return {
    key,
    window: snapshot.window,
    ...(reading.departmentId ? { departmentId: reading.departmentId } : {}),
    startedAt: snapshot.startedAt,
    paused: snapshot.paused,
    deadline: snapshot.deadline,
    warningAt: snapshot.warningAt,
    status: snapshot.status,
    warned: mark?.warned ?? false,
    breached: mark?.breached ?? false,
    ...(reading.error ? { calendarProblem: reading.error } : {}),
    ...(snapshot.provisional ? { provisional: true as const } : {}),
  };
}

/** The next instant the case's own clock needs attention: its warning or its breach, whichever comes first. */
export function nextCaseClockInstant(book: ClockBook): { at: number; kind: 'warning' | 'breach' } | undefined {
  const reading = book.readings.case;
  const mark = book.marks.case;
  if (!reading || reading.error || !mark) return undefined;
  if (!mark.warned && reading.warningAt !== null) return { at: reading.warningAt, kind: 'warning' };
  if (!mark.breached && reading.breachAt !== null) return { at: reading.breachAt, kind: 'breach' };
  return undefined;
}

export function hasCalendarProblem(book: ClockBook): boolean {
  return Object.values(book.readings).some((reading) => reading.error);
}

/** The earliest deadline among running clocks (for the SlaDeadline search attribute). */
export function earliestDeadline(book: ClockBook): number | null {
  const deadlines = Object.values(book.readings)
    .filter((reading) => !reading.error && !reading.paused && reading.breachAt !== null)
    .map((reading) => (reading.error ? Infinity : reading.breachAt!));
  return deadlines.length > 0 ? Math.min(...deadlines) : null;
}

/** The years the running clocks' readings used, as the CalendarYears search attribute spells them ('2026'). */
export function calendarYearsOf(book: ClockBook): string[] {
  const years = new Set<number>();
  for (const reading of Object.values(book.readings)) if (!reading.error) for (const year of reading.calendarYears ?? []) years.add(year);
  return [...years].sort((a, b) => a - b).map(String);
}

/**
 * Clocks a change of `year`'s arrangement (calendar version `version`) concerns: those that used that year, and
 * those the calendar could not answer, read with an older version. Empty when the case already computed with it.
 */
export function readingsStaleFor(book: ClockBook, year: number, version: number): ClockReadingResult[] {
  return Object.values(book.readings).filter((reading) => (reading.error || reading.calendarYears?.includes(year)) && (reading.calendarVersion ?? 0) < version);
}
