import type { MemberListDoc, Migration } from '@civicflow/platform';
import { sinkListKey, sinkMember } from '../channels/sink/sink-lists';
import type { SinkMessageDoc } from '../channels/sink/sink-message.schema';

/**
 * Sink messages recorded before the sink kept a list per case (sink_lists; the lookup was a filter on the case
 * number over every message): one pass, each message filed under its case. Idempotent ($addToSet).
 */
export const sinkListsMigration: Migration = {
  id: 'notification-2026-12-sink-lists',
  description: '本地发送记录按案件 _id 读取 the local sink’s messages are listed per case',
  async run(db) {
    const byCase = new Map<string, string[]>();
    for await (const message of db.collection<SinkMessageDoc>('sink_messages').find({}, { projection: { _id: 1, at: 1, caseNumber: 1 } })) {
      if (message.caseNumber) byCase.set(message.caseNumber, [...(byCase.get(message.caseNumber) ?? []), sinkMember(message)]);
    }
    const lists = db.collection<MemberListDoc>('sink_lists');
    for (const [caseNumber, members] of byCase) {
      await lists.updateOne({ _id: sinkListKey(caseNumber) }, { $addToSet: { members: { $each: members } } }, { upsert: true });
    }
    return `${[...byCase.values()].reduce((n, m) => n + m.length, 0)} sink messages listed under ${byCase.size} cases`;
  },
};
