import type { Migration } from '@civicflow/platform';
import { caseListKey, CaseListDoc, worklistKeysOf } from '../read-model/case-lists';
import type { CaseReadDoc, TimelineDoc } from '../read-model/case-projection';

/**
 * Cases projected before the worklists and timelines were lists keyed by unit, department and case (case_lists):
 * one pass over the worklist documents and one over the timeline files each under its lists. Idempotent
 * ($addToSet), so a run cut short is simply run again.
 */
export const caseListsMigration: Migration = {
  id: 'casework-2026-12-case-lists',
  description: '待办与时间线按 _id 读取 worklists and timelines become lists keyed by unit, department and case',
  async run(db) {
    const lists = db.collection<CaseListDoc>('case_lists');
    const members = new Map<string, string[]>();
    const file = (key: string, member: string) => {
      const list = members.get(key);
      if (list) list.push(member);
      else members.set(key, [member]);
    };
    let cases = 0;
    for await (const doc of db.collection<CaseReadDoc>('case_worklist').find({}, { projection: { _id: 1, currentUnit: 1, gridId: 1, open: 1, breached: 1, pendingDepartments: 1 } })) {
      for (const key of worklistKeysOf({ ...doc, pendingDepartments: doc.pendingDepartments ?? [] })) file(key, doc._id);
      cases += 1;
    }
    let entries = 0;
    for await (const entry of db.collection<TimelineDoc>('case_timeline').find({}, { projection: { _id: 1, caseNumber: 1 } })) {
      file(caseListKey.timeline(entry.caseNumber), entry._id);
      entries += 1;
    }
    for (const [key, ids] of members) await lists.updateOne({ _id: key }, { $addToSet: { members: { $each: ids } } }, { upsert: true });
    return `${cases} cases and ${entries} timeline entries filed in ${members.size} lists`;
  },
};
