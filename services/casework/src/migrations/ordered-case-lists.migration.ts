import { fileOrderedMembers, type Migration } from '@civicflow/platform';
import { CaseListDoc, ListEntry, orderedEntriesOf } from '../read-model/case-lists';
import type { CaseReadDoc } from '../read-model/case-projection';

/**
 * Cases projected before the city-wide worklists and the callback lists were lists in deadline order (they were
 * filters over every case): one pass over the worklist documents, each filed under its day's list and the day
 * under the list's directory. Idempotent ($addToSet), so a run cut short is simply run again.
 */
export const orderedCaseListsMigration: Migration = {
  id: 'casework-2026-12-ordered-case-lists',
  description: '全市待办与待回访按 _id 读取 the city-wide worklists and the callback lists become lists in deadline order',
  async run(db) {
    const entries: ListEntry[] = [];
    let cases = 0;
    const projection = { _id: 1, deadline: 1, open: 1, breached: 1, stage: 1, orgPath: 1, streetId: 1, communityId: 1, currentUnit: 1 };
    for await (const doc of db.collection<CaseReadDoc>('case_worklist').find({}, { projection })) {
      entries.push(...orderedEntriesOf({ ...doc, orgPath: doc.orgPath ?? [] }));
      cases += 1;
    }
    const written = await fileOrderedMembers(db.collection<CaseListDoc>('case_lists'), entries);
    return `${cases} cases filed in ${written} ordered lists`;
  },
};
