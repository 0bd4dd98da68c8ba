import type { BusinessCalendar } from '../calendar/business-calendar';
import type { SlaStatus } from '../vocabulary/case-words';
import { type SlaClock, isSlaClockPaused, slaAllowanceMs, slaElapsedMs, slaInstantAfter } from './sla-clock';


export interface SlaThresholds {
  readonly warningFraction: number;
  readonly breachFraction: number;
}

export const DEFAULT_SLA_THRESHOLDS: SlaThresholds = { warningFraction: 0.8, breachFraction: 1 };

/** Everything a workflow timer or a console row needs to know about one clock at one moment. */
export interface SlaReading {
  readonly status: SlaStatus;
  readonly paused: boolean;
  readonly allowanceMs: number;
  readonly elapsedMs: number;
  /** Negative once breached: how far over. */
  readonly remainingMs: number;
  readonly fractionElapsed: number;
  /** Instants of the warning and of the breach; null while paused and not yet reached. */
  readonly warningAt: number | null;
  readonly breachAt: number | null;
}

export function readSlaClock(
  calendar: BusinessCalendar,
  clock: SlaClock,
  now: number,
  thresholds: SlaThresholds = DEFAULT_SLA_THRESHOLDS,
): SlaReading {
  const allowanceMs = slaAllowanceMs(calendar, clock);
  const elapsedMs = slaElapsedMs(calendar, clock, now);
  // Thresholds as whole milliseconds (ceil: the first millisecond at which the fraction is reached), so the
  // status and the warningAt/breachAt instants can never disagree through floating-point rounding.
  const warningMs = Math.ceil(allowanceMs * thresholds.warningFraction);
  const breachMs = Math.ceil(allowanceMs * thresholds.breachFraction);
  const status: SlaStatus = elapsedMs >= breachMs ? 'breached' : elapsedMs >= warningMs ? 'warning' : 'on-track';
  return {
    status,
    paused: isSlaClockPaused(clock),
    allowanceMs,
    elapsedMs,
    remainingMs: allowanceMs - elapsedMs,
    fractionElapsed: elapsedMs / allowanceMs,
    warningAt: slaInstantAfter(calendar, clock, warningMs),
    breachAt: slaInstantAfter(calendar, clock, breachMs),
  };
}
