import { chinaDayOf, dateKeyOfChinaDay } from '@civicflow/domain';
import type { CaseFactDoc, UnitFact, UnitLevel } from './case-fact';
import type { Period } from './period';

/**
 * 按日汇总 — the day buckets the figures read. One document per China day (`_id: 'YYYY-MM-DD'`) holds a compact
 * row per case registered that day: where it is (street, community, grid, departments, org path for the
 * jurisdiction filter), its category and its outcome as 0/1 flags. Summary, ranking, trend and heat map read the
 * period's days by `_id` and count rows; the drill-down filters rows and loads only its page's facts.
 *
 * Why: FerretDB v1 on SQLite pushes no filter but `_id` down, so any query on registeredAt/streetId/orgPath reads
 * the whole case_facts collection. Rows carry the fact's revision, so writing a row is idempotent and a stale
 * writer (a backfill racing the projector) never overwrites a newer row.
 */
export const OUTCOME = {
  responded: 1 << 0,
  resolved: 1 << 1,
  /** resolved, and no handling window breached before */
  onTime: 1 << 2,
  /** the latest callback reached the citizen */
  callback: 1 << 3,
  /** reached and satisfied or basically satisfied */
  satisfied: 1 << 4,
  /** reached and unsatisfied */
  unsatisfied: 1 << 5,
  unreached: 1 << 6,
  escalated: 1 << 7,
  returned: 1 << 8,
  reopened: 1 << 9,
  everBreached: 1 << 10,
  /** a duplicate merged into its master: kept as a row (revisions stay monotonic), left out of every figure */
  merged: 1 << 11,
  /** the first response came before the unit's (the case's acceptance) window ran out */
  respondedOnTime: 1 << 12,
  /** reached and basically satisfied (基本满意; also in `satisfied`): the policy weighs it */
  basicallySatisfied: 1 << 13,
  /** a department's summons withdrawn (撤回) before it was due */
  withdrawn: 1 << 14,
} as const;
export type Outcome = keyof typeof OUTCOME;

/** One unit's acts on a case, as OUTCOME bits (see UnitFact): what the figures by community, street and department count. */
export interface UnitRow {
  unitId: string;
  level: UnitLevel;
  streetId: string | null;
  outcome: number;
}

export interface FactRow {
  caseNumber: string;
  /** epoch ms */
  registeredAt: number;
  /** the revision of the case fact this row was built from */
  revision: number;
  streetId: string | null;
  communityId: string | null;
  gridId: string | null;
  categoryCode: string | null;
  departmentIds: string[];
  orgPath: string[];
  /** OUTCOME bits */
  outcome: number;
  /** each unit's acts; absent for cases stored before attribution (their figures go to the case's current units) */
  units?: UnitRow[];
}

export const has = (row: FactRow, outcome: Outcome): boolean => (row.outcome & OUTCOME[outcome]) !== 0;

/** The fields of a case fact a row is built from (the backfill reads only these). */
export const ROW_SOURCE_FIELDS = [
  '_id', 'revision', 'registeredAt', 'streetId', 'communityId', 'gridId', 'categoryCode', 'departmentIds', 'orgPath', 'responded', 'resolved',
  'respondedOnTime', 'resolvedOnTime', 'callbackReached', 'satisfaction', 'escalated', 'returnedCount', 'reopenedCount', 'everBreached', 'merged', 'units',
] as const satisfies readonly (keyof CaseFactDoc)[];
export type RowSource = Pick<CaseFactDoc, (typeof ROW_SOURCE_FIELDS)[number]>;

type OutcomeSource = Pick<UnitFact, 'responded' | 'respondedOnTime' | 'withdrawn' | 'resolved' | 'resolvedOnTime' | 'callbackReached' | 'satisfaction' | 'escalated' | 'returnedCount' | 'reopenedCount' | 'everBreached'>;

/** The OUTCOME bits of a case's (or one unit's) facts. */
function outcomeOf(fact: OutcomeSource & { merged?: boolean }): number {
  const reached = fact.callbackReached === true;
  const flags: Record<Outcome, boolean> = {
    responded: fact.responded,
    resolved: fact.resolved,
    onTime: fact.resolved && fact.resolvedOnTime,
    callback: reached,
    satisfied: reached && (fact.satisfaction === 'satisfied' || fact.satisfaction === 'basically-satisfied'),
    unsatisfied: reached && fact.satisfaction === 'unsatisfied',
    unreached: fact.satisfaction === 'unreached',
    escalated: fact.escalated,
    returned: fact.returnedCount > 0,
    reopened: fact.reopenedCount > 0,
    everBreached: fact.everBreached,
    merged: fact.merged === true,
    respondedOnTime: fact.responded && fact.respondedOnTime === true,
    basicallySatisfied: reached && fact.satisfaction === 'basically-satisfied',
    withdrawn: fact.withdrawn === true,
  };
  let outcome = 0;
  for (const key of Object.keys(flags) as Outcome[]) if (flags[key]) outcome |= OUTCOME[key];
  return outcome;
}

/** The row of a fact, or null while the fact has no registration (it has no day yet). */
export function rowOf(fact: RowSource): FactRow | null {
  if (!fact.registeredAt) return null;
  return {
    caseNumber: fact._id, registeredAt: new Date(fact.registeredAt).getTime(), revision: fact.revision, streetId: fact.streetId,
    communityId: fact.communityId, gridId: fact.gridId, categoryCode: fact.categoryCode, departmentIds: [...fact.departmentIds],
    orgPath: [...fact.orgPath], outcome: outcomeOf(fact),
    ...(fact.units ? { units: fact.units.map((u) => ({ unitId: u.unitId, level: u.level, streetId: u.streetId, outcome: outcomeOf(u) })) } : {}),
  };
}

/** The day document's `_id` of a registration instant: its China day, 'YYYY-MM-DD'. */
export function dayKeyOf(registeredAt: Date | number): string {
  return dateKeyOfChinaDay(chinaDayOf(registeredAt));
}

/** Every China day the period touches, oldest first (the `_id`s to read). */
export function dayKeysOf(period: Period): string[] {
  const keys: string[] = [];
  for (let day = chinaDayOf(period.from); day <= chinaDayOf(period.to.getTime() - 1); day += 1) keys.push(dateKeyOfChinaDay(day));
  return keys;
}

/**
 * The day's rows with the incoming ones in place of the same cases' rows, or null when nothing changes: a row
 * replaces one of the same case only when its revision is newer, so merging is idempotent and order-free.
 */
export function mergeRows(rows: readonly FactRow[], incoming: readonly FactRow[]): FactRow[] | null {
  const byCase = new Map(rows.map((r) => [r.caseNumber, r]));
  let changed = false;
  for (const row of incoming) {
    const current = byCase.get(row.caseNumber);
    if (current && current.revision >= row.revision) continue;
    byCase.set(row.caseNumber, row);
    changed = true;
  }
  return changed ? [...byCase.values()] : null;
}

/** The rows of a period a user may see: registered in [from, to), not merged, and (unless city-wide) with the unit on the org path. */
export function rowsIn(rows: readonly FactRow[], period: Period, unitId: string | null): FactRow[] {
  const from = period.from.getTime();
  const to = period.to.getTime();
  return rows.filter((r) => r.registeredAt >= from && r.registeredAt < to && !has(r, 'merged') && (unitId === null || r.orgPath.includes(unitId)));
}
