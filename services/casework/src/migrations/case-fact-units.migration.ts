import type { CaseEventEnvelope } from '@civicflow/contracts';
import type { Migration } from '@civicflow/platform';
import type { TimelineDoc } from '../read-model/case-projection';
import { applyFactEvent, CaseFactDoc, emptyFact } from '../statistics/case-fact';
import { BACKFILL_COLLECTION } from '../statistics/statistics-backfill';

/**
 * A timeline entry as the lifecycle event it records: its transition fields and the details the timeline kept. Not
 * every field of the contract was kept, so it is rebuilt, not validated: a 退单's unit is the holder before it
 * (`previous`), a summons names only its department.
 */
function asEvent(entry: TimelineDoc, previous: TimelineDoc | undefined): CaseEventEnvelope {
  const detail = entry.detail ?? {};
  const departmentIds = Array.isArray(detail.departmentIds) ? (detail.departmentIds as string[]) : [];
  return {
    id: entry._id, type: entry.type as CaseEventEnvelope['type'], version: 1, time: entry.at, key: entry.caseNumber, source: 'casework-migration', correlationId: entry.caseNumber,
    ...(entry.actor ? { actor: entry.actor } : {}),
    data: {
      ...detail,
      caseNumber: entry.caseNumber, sequence: entry.sequence, occurredAt: entry.at, stage: entry.stage, level: entry.level, unitId: entry.unitId, sla: entry.sla,
      ...(entry.type === 'case.departments-summoned' ? { summonses: departmentIds.map((departmentId) => ({ departmentId, summonsId: '', sla: null })) } : {}),
      ...(entry.type === 'case.returned' ? { fromUnitId: detail.fromUnitId ?? previous?.unitId ?? null } : {}),
      ...(entry.type === 'case.resolved' ? { resolvedAt: entry.at } : {}),
    },
  } as CaseEventEnvelope;
}

/**
 * What each unit did with a case stored before attribution, replayed from its timeline (casework's record of
 * every event it projected): the place it was registered at comes from the stored fact, the acts from the events.
 * A 退单's unit is whoever held the case before it (the timeline kept no `fromUnitId`).
 */
export function unitsFromTimeline(fact: CaseFactDoc, entries: readonly TimelineDoc[]): Pick<CaseFactDoc, 'units' | 'resolvedBy'> {
  let replayed: CaseFactDoc = {
    ...emptyFact(fact._id, new Date(fact.updatedAt)),
    registeredAt: fact.registeredAt, districtId: fact.districtId, streetId: fact.streetId, communityId: fact.communityId, gridId: fact.gridId, orgPath: [...fact.orgPath],
  };
  const ordered = [...entries].filter((e) => e.type !== 'case.registered').sort((a, b) => a.sequence - b.sequence);
  ordered.forEach((entry, i) => {
    replayed = applyFactEvent(replayed, asEvent(entry, ordered[i - 1])) ?? replayed;
  });
  return { units: replayed.units ?? [], resolvedBy: replayed.resolvedBy ?? null };
}

/**
 * Case facts from before attribution counted every act for the case's current community and street (a 退单 for
 * the community it went to next). Each gets its units from its timeline, one case at a time (revision + 1, so its
 * day row is replaced), and the day buckets are rebuilt at start (the backfill's marker removed).
 */
export const caseFactUnitsMigration: Migration = {
  id: 'casework-2026-12-case-fact-units',
  description: '统计按办理单位归属 case facts get each unit’s acts (attribution), replayed from the timeline; day buckets rebuilt',
  async run(db) {
    const facts = db.collection<CaseFactDoc>('case_facts');
    const timeline = db.collection<TimelineDoc>('case_timeline');
    let migrated = 0;
    let current: string | null = null;
    let entries: TimelineDoc[] = [];
    const finish = async () => {
      if (current === null) return;
      const fact = await facts.findOne({ _id: current });
      if (fact && !fact.units) {
        await facts.updateOne({ _id: current, revision: fact.revision }, { $set: { ...unitsFromTimeline(fact, entries), revision: fact.revision + 1 } });
        migrated += 1;
      }
    };
    for await (const entry of timeline.find({}).sort({ caseNumber: 1, sequence: 1 })) {
      if (entry.caseNumber !== current) {
        await finish();
        current = entry.caseNumber;
        entries = [];
      }
      entries.push(entry);
    }
    await finish();
    await db.collection(BACKFILL_COLLECTION).deleteOne({ _id: 'case_fact_days' as never });
    return `${migrated} case facts attributed from their timelines; day buckets to be rebuilt`;
  },
};
