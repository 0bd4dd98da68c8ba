import { fileOrderedMembers, type MemberListDoc, type Migration } from '@civicflow/platform';
import type { DispatchQueueEntryDoc } from '../cases/dispatch-queue/dispatch-queue.schema';
import type { UnregisteredReportDoc } from '../reports/unregistered-reports/unregistered-report.schema';
import { waitingListKey, waitingMember } from './waiting-lists';

/**
 * The dispatch queue and the unregistered reports stored before they were listed (waiting_lists; they were read
 * whole with `find({})`): one pass over each, every entry filed at the time it began to wait. Idempotent ($addToSet).
 */
export const waitingListsMigration: Migration = {
  id: 'intake-2026-12-waiting-lists',
  description: '人工派单队列与未成案上报按 _id 读取 the dispatch queue and the unregistered reports are listed by waiting time',
  async run(db) {
    const entries: { key: string; member: string }[] = [];
    for await (const entry of db.collection<DispatchQueueEntryDoc>('dispatch_queue').find({}, { projection: { _id: 1, since: 1 } })) {
      entries.push({ key: waitingListKey.dispatch, member: waitingMember(entry.since, entry._id) });
    }
    for await (const entry of db.collection<UnregisteredReportDoc>('unregistered_reports').find({}, { projection: { _id: 1, firstFailedAt: 1 } })) {
      entries.push({ key: waitingListKey.unregistered, member: waitingMember(entry.firstFailedAt, entry._id) });
    }
    const written = await fileOrderedMembers(db.collection<MemberListDoc>('waiting_lists'), entries);
    return `${entries.length} waiting entries filed in ${written} lists`;
  },
};
