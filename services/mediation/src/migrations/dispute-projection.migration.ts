import type { Migration } from '@civicflow/platform';

interface LegacyDispute {
  _id: string;
  parties?: unknown[];
  contactsPending?: boolean;
  assignmentError?: string | null;
  assignmentClaimedUntil?: Date | null;
}

/**
 * Disputes from before the stored dispute was a projection of the mediation events alone. They carried the
 * parties (with protected contacts) and the service's assignment bookkeeping beside the workflow's state; now the
 * parties live in the service's register (`dispute_parties`, one document per dispute), the bookkeeping in
 * `assignment_claims`, and `disputes` holds only what the events say. One dispute at a time: the register entry
 * is written first (kept if it exists), then the old fields are removed — a crash between runs it again safely.
 */
export const disputeProjectionMigration: Migration = {
  id: 'mediation-2026-12-dispute-projection',
  description: '纠纷改为事件投影 disputes become a projection of mediation events: parties to dispute_parties, assignment bookkeeping to assignment_claims',
  async run(db) {
    const disputes = db.collection<LegacyDispute>('disputes');
    const register = db.collection<{ _id: string; parties: unknown[]; contactsPending: boolean; revision: number }>('dispute_parties');
    const claims = db.collection<{ _id: string; claimedUntil: Date | null; error: string | null }>('assignment_claims');
    let moved = 0;
    const legacy = disputes.find(
      { $or: [{ parties: { $exists: true } }, { contactsPending: { $exists: true } }, { assignmentError: { $exists: true } }, { assignmentClaimedUntil: { $exists: true } }] },
      { projection: { _id: 1, parties: 1, contactsPending: 1, assignmentError: 1 } },
    );
    for await (const dispute of legacy) {
      const parties = Array.isArray(dispute.parties) ? dispute.parties : [];
      await register.updateOne(
        { _id: dispute._id },
        { $setOnInsert: { parties, contactsPending: Boolean(dispute.contactsPending), revision: 1 } },
        { upsert: true },
      );
      if (dispute.assignmentError) await claims.updateOne({ _id: dispute._id }, { $setOnInsert: { claimedUntil: null, error: dispute.assignmentError } }, { upsert: true });
      await disputes.updateOne({ _id: dispute._id }, { $unset: { parties: '', contactsPending: '', assignmentError: '', assignmentClaimedUntil: '' } });
      moved += 1;
    }
    return `${moved} disputes moved to the projection shape (parties to dispute_parties)`;
  },
};
