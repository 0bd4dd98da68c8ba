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
export function unitsFromTimeline(fact: CaseFactDoc, entries: readonly TimelineDoc[]): Pick<CaseFactDoc, 'units' | 'resolvedBy' | 'responded' | 'respondedOnTime'> {
  let replayed: CaseFactDoc = {
    ...emptyFact(fact._id, new Date(fact.updatedAt)),
    registeredAt: fact.registeredAt, districtId: fact.districtId, streetId: fact.streetId, communityId: fact.communityId, gridId: fact.gridId, orgPath: [...fact.orgPath],
  };
  const ordered = [...entries].filter((e) => e.type !== 'case.registered').sort((a, b) => a.sequence - b.sequence);
  ordered.forEach((entry, i) => {
    replayed = applyFactEvent(replayed, asEvent(entry, ordered[i - 1])) ?? replayed;
  });
  return { units: replayed.units ?? [], resolvedBy: replayed.resolvedBy ?? null, responded: replayed.responded, respondedOnTime: replayed.respondedOnTime };
}

/** What a replay from the timeline sets on a stored fact: the units' acts, and a response the unit credit found (a street that took the case over). */
function replayedFields(fact: CaseFactDoc, entries: readonly TimelineDoc[]): Partial<CaseFactDoc> {
  const { units, resolvedBy, responded, respondedOnTime } = unitsFromTimeline(fact, entries);
  return { units, resolvedBy, responded: fact.responded || responded, respondedOnTime: fact.respondedOnTime || respondedOnTime };
}

/**
 * Replays the units of the case facts `needs` picks from their timelines, one case at a time (revision + 1, so its
 * day row is replaced), and has the day buckets rebuilt at start (the backfill's marker removed).
 */
function replayUnitsMigration(id: string, description: string, needs: (fact: CaseFactDoc) => boolean, what: string): Migration {
  return {
    id,
    description,
    async run(db) {
      const facts = db.collection<CaseFactDoc>('case_facts');
      const timeline = db.collection<TimelineDoc>('case_timeline');
      let migrated = 0;
      let current: string | null = null;
      let entries: TimelineDoc[] = [];
      const finish = async () => {
        if (current === null) return;
        const fact = await facts.findOne({ _id: current });
        if (fact && needs(fact)) {
          await facts.updateOne({ _id: current, revision: fact.revision }, { $set: { ...replayedFields(fact, entries), revision: fact.revision + 1 } });
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
      return `${migrated} case facts ${what}; day buckets to be rebuilt`;
    },
  };
}

/** Case facts from before attribution counted every act for the case's current community and street (a 退单 for the community it went to next). */
export const caseFactUnitsMigration = replayUnitsMigration(
  'casework-2026-12-case-fact-units',
  '统计按办理单位归属 case facts get each unit’s acts (attribution), replayed from the timeline; day buckets rebuilt',
  (fact) => !fact.units,
  'attributed from their timelines',
);

/**
 * 考核口径 (issue 13): a unit's response on time, a street's response by acting on a case it took over, a withdrawn
 * summons, the callback on a department's answer, and the 基本满意 share — every fact replayed again.
 */
export const caseFactScoringMigration = replayUnitsMigration(
  'casework-2026-12-case-fact-scoring',
  '考核口径 case facts get on-time responses, a street’s response by acting, withdrawn summonses and departments’ callbacks, replayed from the timeline; day buckets rebuilt',
  () => true,
  'replayed for the scoring policy',
);
