import { isDuplicateKey, type Migration } from '@civicflow/platform';
import type { ReportDoc, ReportRouting, UnroutedReason } from '../report.schema';
import { sourceKeyOf } from '../report.schema';

/** A case as intake stored it before reports (collection `cases`, one document per case, with its own status). */
export interface StoredCaseV0 {
  _id: string;
  channel: ReportDoc['channel'];
  sourceRef: string;
  requestType: ReportDoc['requestType'];
  urgency: ReportDoc['urgency'];
  priority: ReportDoc['priority'];
  categoryCode?: string;
  slaProfile: string;
  department?: string;
  isDispute: boolean;
  content: string;
  address?: string;
  location?: { lng: number; lat: number };
  photos?: string[];
  status: 'routed' | 'manual-queue' | 'closed';
  manualQueueReason?: string;
  answeredDirectly?: { articleId: string; answer: string };
  routing?: Omit<ReportRouting, 'orgPath'>;
  orgPath?: string[];
  reporters?: { channel: ReportDoc['channel']; sourceRef: string; reporterRef?: string; reportedAt: Date }[];
  registeredAt: Date;
  correlationId: string;
}

/** Which case a source became, before reports (collection `case_sources`). */
interface StoredSourceV0 {
  _id: string;
  caseNumber: string;
  merged: boolean;
  at: Date;
}

/** The new documents one stored case becomes: its report, the reports merged into it, its number. Pure. */
export function reportsOfStoredCase(old: StoredCaseV0): { first: ReportDoc; joined: ReportDoc[]; number: { _id: string; source: string; claimedAt: Date; joined: string[] } } {
  const source = sourceKeyOf(old.channel, old.sourceRef);
  const [firstReporter, ...others] = old.reporters ?? [];
  const first: ReportDoc = {
    _id: source,
    channel: old.channel,
    sourceRef: old.sourceRef,
    requestType: old.requestType,
    urgency: old.urgency,
    ...(old.categoryCode ? { categoryCode: old.categoryCode } : {}),
    priority: old.priority,
    slaProfile: old.slaProfile,
    ...(old.department ? { department: old.department } : {}),
    isDispute: old.isDispute,
    content: old.content,
    ...(old.address ? { address: old.address } : {}),
    ...(old.location ? { location: { lng: old.location.lng, lat: old.location.lat } } : {}),
    photos: old.photos ?? [],
    ...(firstReporter?.reporterRef ? { reporterRef: firstReporter.reporterRef } : {}),
    ...(old.answeredDirectly ? { answeredDirectly: old.answeredDirectly } : {}),
    receivedAt: old.registeredAt,
    correlationId: old.correlationId,
    ...(old.routing ? { routing: { ...old.routing, orgPath: old.orgPath ?? [] } } : {}),
    ...(old.status === 'manual-queue' ? { unroutedReason: (old.manualQueueReason ?? 'no-location') as UnroutedReason } : {}),
    caseNumber: old._id,
    handedOverAt: old.registeredAt,
  };
  // intake kept only who joined and when; their words stay in their channel's records
  const joined = others
    .filter((r) => sourceKeyOf(r.channel, r.sourceRef) !== source)
    .map<ReportDoc>((r) => ({
      _id: sourceKeyOf(r.channel, r.sourceRef),
      channel: r.channel,
      sourceRef: r.sourceRef,
      requestType: old.requestType,
      urgency: old.urgency,
      ...(old.categoryCode ? { categoryCode: old.categoryCode } : {}),
      priority: old.priority,
      slaProfile: old.slaProfile,
      isDispute: old.isDispute,
      content: '',
      photos: [],
      ...(r.reporterRef ? { reporterRef: r.reporterRef } : {}),
      receivedAt: r.reportedAt,
      correlationId: old.correlationId,
      caseNumber: old._id,
      merged: { at: r.reportedAt },
      handedOverAt: r.reportedAt,
    }));
  return { first, joined, number: { _id: old._id, source, claimedAt: old.registeredAt, joined: joined.map((r) => r._id) } };
}

/**
 * One-time migration at start: intake's cases of the old shape (`cases`: a copy of the case with a status that never
 * changed; `case_sources`: source → case number) become reports (`reports`) and claimed numbers (`case_numbers`).
 * It runs before intake consumes or serves (runMigrations of libs/platform, recorded in `schema_migrations`), and
 * is safe to run again: every write is an insert by `_id` that a second run finds done. A source `case_sources` maps
 * to a case whose report is another source's is a report the old allocator lost (two reports got one number): it
 * goes to the unregistered queue with that reason, so a dispatcher sees it. Where each old case stands (and whether
 * it belongs in the dispatch queue and the open-case index) comes from its events: a new consumer group reads the
 * case topic from its beginning. The old collections are left as they are (drop them once the new ones have served).
 */
export const storedCasesMigration: Migration = {
  id: 'intake-2026-12-reports',
  description: '受理改存报件 stored cases become reports and claimed case numbers; intake keeps no case status',
  async run(db) {
    const counts = { cases: 0, joined: 0, lost: 0 };
    const insert = async (collection: string, doc: { _id: string }) => {
      try {
        await db.collection(collection).insertOne(doc as never);
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
    };
    for await (const old of db.collection<StoredCaseV0>('cases').find({})) {
      const { first, joined, number } = reportsOfStoredCase(old);
      await insert('reports', first);
      for (const report of joined) await insert('reports', report);
      await insert('case_numbers', number);
      if (number.joined.length > 0) await db.collection('case_numbers').updateOne({ _id: number._id as never }, { $addToSet: { joined: { $each: number.joined } } });
      counts.cases++;
      counts.joined += joined.length;
    }
    for await (const source of db.collection<StoredSourceV0>('case_sources').find({})) {
      if (await db.collection('reports').findOne({ _id: source._id as never })) continue;
      const [channel, ...rest] = source._id.split(':');
      await insert('unregistered_reports', {
        _id: source._id,
        channel,
        sourceRef: rest.join(':'),
        summary: '',
        reason: `旧版编号重复:它与另一报件同得案件编号 ${source.caseNumber},内容未保存,请从原渠道重新提交 — the old number allocator gave it the case number of another report (${source.caseNumber}) and kept nothing of it; send it again from its channel`,
        attempts: 0,
        firstFailedAt: source.at,
        lastFailedAt: source.at,
      } as never);
      counts.lost++;
    }
    return `${counts.cases} stored cases (${counts.joined} merged reports) became reports; ${counts.lost} lost reports queued as unregistered`;
  },
};
