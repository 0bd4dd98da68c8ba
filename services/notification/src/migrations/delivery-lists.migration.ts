import type { MemberListDoc, Migration } from '@civicflow/platform';
import { fileByCase } from '../cases/case-index';
import type { DeliveryDoc } from '../deliveries/delivery.schema';

/**
 * Deliveries stored before each case listed its deliveries (delivery_lists; GET /notifications?caseNumber was a
 * filter on the case number over every delivery): one pass, each filed under its case. Idempotent ($addToSet).
 */
export const deliveryListsMigration: Migration = {
  id: 'notification-2026-12-delivery-lists',
  description: '案件的通知记录按 _id 读取 the deliveries are listed per case',
  async run(db) {
    const entries: { caseNumber?: string; at: Date; id: string }[] = [];
    for await (const d of db.collection<DeliveryDoc>('deliveries').find({}, { projection: { _id: 1, createdAt: 1, caseNumber: 1 } })) entries.push({ caseNumber: d.caseNumber, at: d.createdAt, id: d._id });
    const { documents, cases } = await fileByCase(db.collection<MemberListDoc>('delivery_lists'), entries);
    return `${documents} deliveries listed under ${cases} cases`;
  },
};
