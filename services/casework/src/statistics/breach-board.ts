import type { BoardCase } from './open-cases';

export interface BreachRow {
  caseNumber: string;
  stage: string;
  level: string | null;
  currentUnit: string | null;
  streetId: string | null;
  communityId: string | null;
  categoryCode: string | null;
  priority: string | null;
  /** the running window that ran out (acceptance, community-handling, …) */
  window: string | null;
  /** ISO; null when the clock is paused or its deadline could not be computed */
  deadline: string | null;
  /** how long past the deadline, in whole minutes (null without a deadline) */
  overdueMinutes: number | null;
  pendingDepartments: string[];
}

/**
 * 超时看板: open cases whose current window has run out — its deadline passed, or the workflow marked it
 * breached — most overdue first (those without a deadline last). A case that breached earlier but now runs
 * on a fresh window (e.g. the street's, after the community's breach) is not on the board.
 */
export function breachBoard(cases: readonly BoardCase[], now: Date): BreachRow[] {
  const rows: BreachRow[] = [];
  for (const c of cases) {
    if (!c.open) continue;
    const deadline = c.sla?.deadline ? new Date(c.sla.deadline) : null;
    const pastDeadline = deadline !== null && !c.sla?.paused && deadline.getTime() < now.getTime();
    if (!pastDeadline && c.sla?.status !== 'breached') continue;
    rows.push({
      caseNumber: c._id, stage: c.stage, level: c.level, currentUnit: c.currentUnit, streetId: c.streetId, communityId: c.communityId,
      categoryCode: c.categoryCode, priority: c.priority, window: c.sla?.window ?? null, deadline: deadline?.toISOString() ?? null,
      overdueMinutes: deadline ? Math.max(0, Math.floor((now.getTime() - deadline.getTime()) / 60_000)) : null,
      pendingDepartments: c.pendingDepartments ?? [],
    });
  }
  return rows.sort((a, b) => (b.overdueMinutes ?? -1) - (a.overdueMinutes ?? -1) || a.caseNumber.localeCompare(b.caseNumber));
}
