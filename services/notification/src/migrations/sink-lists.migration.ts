import type { MemberListDoc, Migration } from '@civicflow/platform';
import { fileByCase } from '../cases/case-index';
import type { SinkMessageDoc } from '../channels/sink/sink-message.schema';

/**
 * Sink messages recorded before the sink kept a list per case (sink_lists; the lookup was a filter on the case
 * number over every message): one pass, each message filed under its case. Idempotent ($addToSet).
 */
export const sinkListsMigration: Migration = {
  id: 'notification-2026-12-sink-lists',
  description: '本地发送记录按案件 _id 读取 the local sink’s messages are listed per case',
  async run(db) {
    const entries: { caseNumber?: string; at: Date; id: string }[] = [];
    for await (const m of db.collection<SinkMessageDoc>('sink_messages').find({}, { projection: { _id: 1, at: 1, caseNumber: 1 } })) entries.push({ caseNumber: m.caseNumber, at: m.at, id: m._id });
    const { documents, cases } = await fileByCase(db.collection<MemberListDoc>('sink_lists'), entries);
    return `${documents} sink messages listed under ${cases} cases`;
  },
};
