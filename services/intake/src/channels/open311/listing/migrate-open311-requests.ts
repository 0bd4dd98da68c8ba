import type { Migration } from '@civicflow/platform';
import type { CaseNumberDoc } from '../../../cases/case-number/case-number.schema';
import type { Open311RequestDoc } from '../open311-request.schema';
import { serviceRequestIdOf } from '../service-request-ids';
import { DayBuckets } from './day-buckets';
import type { RequestDayEntry } from './request-days.schema';

/**
 * Requests stored before every report had its own id: each gets its day-list entry (GET requests by date), its own
 * service_request_id (the case number, or `<case>-<n>` for a report merged at intake, which used to share the
 * case's) and its link to its case (updates, webhooks). Idempotent: entries are added by token, ids set once.
 */
export const open311RequestsMigration: Migration = {
  id: 'intake-2026-12-open311-ids',
  description: 'Open311 requests: own service_request_id, day lists, case links',
  async run(db) {
    const days = new DayBuckets<RequestDayEntry>(db.collection('open311_request_days'), 'token');
    let listed = 0;
    let named = 0;
    for await (const request of db.collection<Open311RequestDoc>('open311_requests').find({})) {
      await days.add(request.requestedAt, { token: request._id, serviceCode: request.serviceCode, at: request.requestedAt });
      listed++;
      if (!request.caseNumber || request.serviceRequestId) continue;
      const joined = (await db.collection<CaseNumberDoc>('case_numbers').findOne({ _id: request.caseNumber }))?.joined ?? [];
      const position = joined.indexOf(`open311:${request._id}`);
      const serviceRequestId = request.merged && position >= 0 ? serviceRequestIdOf(request.caseNumber, position + 1) : request.caseNumber;
      await db.collection<Open311RequestDoc>('open311_requests').updateOne({ _id: request._id }, { $set: { serviceRequestId } });
      await db.collection<{ _id: string; tokens: string[] }>('open311_cases').updateOne({ _id: request.caseNumber }, { $addToSet: { tokens: request._id } }, { upsert: true });
      named++;
    }
    return `${listed} requests listed by day, ${named} given their own id`;
  },
};
