import type { BusinessDuration } from '../calendar/business-duration';
import type { SlaWindowName } from '../vocabulary/sla-windows';
import type { Priority } from './priority';

/**
 * The concrete windows for one case, resolved once at classification. Plain JSON: a workflow keeps it in
 * its input (or the case state), so changing a profile later never moves the deadlines of running cases.
 */
export interface SlaWindows {
  readonly profileId: string;
  readonly priority: Priority;
  readonly windows: Readonly<Record<SlaWindowName, BusinessDuration>>;
  readonly warningFraction: number;
  readonly breachFraction: number;
  /** Upper bound on the total time a case may stay suspended (挂起), natural time. */
  readonly maxTotalSuspension: BusinessDuration;
}
