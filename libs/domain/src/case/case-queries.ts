import { durationToMs } from '../calendar/business-duration';
import type { SlaClock } from '../sla/sla-clock';
import type { SlaWindowName } from '../vocabulary/sla-windows';
import type { CaseState } from './case-state';

export interface CaseClockEntry {
  /** 'case' for the case's own clock, 'department:<id>' for a summons. */
  readonly key: string;
  readonly window: SlaWindowName;
  readonly clock: SlaClock;
  readonly departmentId?: string;
}

/** Every clock the case holds now (running or paused), for a workflow to set its timers from. */
export function caseClocks(state: CaseState): CaseClockEntry[] {
  const entries: CaseClockEntry[] = [];
  if (state.clock) entries.push({ key: 'case', window: state.clock.window, clock: state.clock.clock });
  for (const summons of state.summonses) {
    if (summons.clock) {
      entries.push({ key: `department:${summons.departmentId}`, window: summons.clock.window, clock: summons.clock.clock, departmentId: summons.departmentId });
    }
  }
  return entries;
}

/**
 * Natural time the case may still stay suspended, counting the current suspension up to `now`; the
 * workflow resumes the case (as 'system') when it reaches zero. Undefined before classification.
 */
export function suspensionTimeLeftMs(state: CaseState, now: number): number | undefined {
  const limit = state.classification?.slaWindows.maxTotalSuspension;
  if (!limit) return undefined;
  const current = state.suspension.current ? now - state.suspension.current.since : 0;
  return durationToMs(limit, 0) - state.suspension.totalMs - current;
}
