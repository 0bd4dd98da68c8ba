/** A candidate with the number of open disputes they hold now. */
export interface MediatorLoad {
  mediatorId: string;
  openDisputes: number;
}

/**
 * 按工作量指派: the committee member holding the fewest open disputes, ties broken by id so the choice is
 * reproducible; members who may not mediate this dispute (回避: a party, or already failed it) are skipped.
 */
export function pickMediator(candidates: readonly MediatorLoad[], excluded: ReadonlySet<string> = new Set()): string | undefined {
  return [...candidates]
    .filter((c) => !excluded.has(c.mediatorId))
    .sort((a, b) => a.openDisputes - b.openDisputes || a.mediatorId.localeCompare(b.mediatorId))[0]?.mediatorId;
}
