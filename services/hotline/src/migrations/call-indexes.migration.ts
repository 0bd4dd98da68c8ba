import type { Migration } from '@civicflow/platform';

interface StoredCall {
  _id: string;
  receivedAt: Date;
  callerHash: string;
  caseLink?: { caseNumber: string; kind: 'registered' | 'merged' };
}

/**
 * Calls stored before a caller's history and a case's calls were documents of their own (calls_by_caller,
 * calls_by_case): one pass over the calls, oldest first, files each under its caller and its case. Idempotent
 * ($addToSet, $set), so a run cut short is simply run again.
 */
export const callIndexesMigration: Migration = {
  id: 'hotline-2026-12-call-indexes',
  description: '来电历史与案件来电按 _id 读取 a caller\'s calls and a case\'s calls become documents keyed by caller and case',
  async run(db) {
    const stored: StoredCall[] = [];
    for await (const call of db.collection<StoredCall>('calls').find({}, { projection: { _id: 1, receivedAt: 1, callerHash: 1, caseLink: 1 } })) stored.push(call);
    stored.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
    const byCaller = new Map<string, string[]>();
    for (const call of stored) {
      const ids = byCaller.get(call.callerHash);
      if (ids) ids.push(call._id);
      else byCaller.set(call.callerHash, [call._id]);
    }
    const callers = db.collection<{ _id: string; callIds: string[] }>('calls_by_caller');
    for (const [callerHash, ids] of byCaller) await callers.updateOne({ _id: callerHash }, { $addToSet: { callIds: { $each: ids } } }, { upsert: true });
    const cases = db.collection<{ _id: string; registered?: string; merged?: string[] }>('calls_by_case');
    let linked = 0;
    for (const call of stored) {
      if (!call.caseLink) continue;
      const update = call.caseLink.kind === 'registered' ? { $set: { registered: call._id } } : { $addToSet: { merged: call._id } };
      await cases.updateOne({ _id: call.caseLink.caseNumber }, update, { upsert: true });
      linked += 1;
    }
    return `${stored.length} calls filed under ${byCaller.size} callers; ${linked} under their cases`;
  },
};
