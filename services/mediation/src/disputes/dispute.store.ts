import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { KeyedLock } from '@civicflow/platform';
import { isDuplicateKey } from '../shared/http-errors';
import { DisputeDoc, OPEN_STAGES } from './dispute';
import { DISPUTE_MODEL } from './dispute.schema';

const MAX_ATTEMPTS = 5;

/**
 * The disputes collection. Every write is one single-document update guarded by the revision (FerretDB has no
 * multi-document transactions): a concurrent writer makes the loser read again and re-decide.
 */
@Injectable()
export class DisputeStore {
  private readonly lock = new KeyedLock();

  constructor(@InjectModel(DISPUTE_MODEL) private readonly disputes: Model<DisputeDoc>) {}

  findById(disputeId: string): Promise<DisputeDoc | null> {
    return this.disputes.findById(disputeId).lean<DisputeDoc>().exec();
  }

  /** Inserts a new dispute; false when one with that id exists already (a redelivered case.registered). */
  async insert(doc: DisputeDoc): Promise<boolean> {
    try {
      await this.disputes.collection.insertOne(doc as never);
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  /**
   * Read, decide, write: `decide` returns the fields to change (or undefined for nothing); it runs again on the
   * fresh document when another writer got there first. Returns the document as written (or as found).
   */
  mutate(disputeId: string, decide: (doc: DisputeDoc) => Partial<DisputeDoc> | undefined): Promise<DisputeDoc | null> {
    return this.lock.run(disputeId, () => this.mutateNow(disputeId, decide));
  }

  private async mutateNow(disputeId: string, decide: (doc: DisputeDoc) => Partial<DisputeDoc> | undefined): Promise<DisputeDoc | null> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const doc = await this.findById(disputeId);
      if (!doc) return null;
      const changes = decide(doc);
      if (!changes || Object.keys(changes).length === 0) return doc;
      const { _id: _ignored, revision: _r, ...fields } = changes;
      const result = await this.disputes.collection.updateOne({ _id: disputeId as never, revision: doc.revision }, { $set: { ...fields, revision: doc.revision + 1 } });
      if (result.matchedCount === 1) return { ...doc, ...fields, revision: doc.revision + 1 };
    }
    throw new Error(`纠纷 ${disputeId} 正被并发修改 dispute changed concurrently ${MAX_ATTEMPTS} times; retry`);
  }

  /** 在办纠纷数: what the workload assignment compares. */
  openCount(mediatorId: string): Promise<number> {
    return this.disputes.countDocuments({ mediatorId, stage: { $in: [...OPEN_STAGES] } }).exec();
  }

  /** Takes the dispute's pending assignment for `forMs` unless another try holds it: true when this one may go on. */
  async claimAssignment(disputeId: string, now: Date, forMs: number): Promise<boolean> {
    const result = await this.disputes.collection.updateOne(
      { _id: disputeId as never, assignmentPending: true, $or: [{ assignmentClaimedUntil: null }, { assignmentClaimedUntil: { $lt: now } }] },
      { $set: { assignmentClaimedUntil: new Date(now.getTime() + forMs) } },
    );
    return result.matchedCount === 1;
  }

  async releaseAssignment(disputeId: string): Promise<void> {
    await this.disputes.collection.updateOne({ _id: disputeId as never }, { $set: { assignmentClaimedUntil: null } });
  }

  /** Disputes that have waited for a mediator since before `waitingSince` (fresh ones are being assigned by their opener). */
  pendingAssignments(limit: number, waitingSince: Date): Promise<Pick<DisputeDoc, '_id'>[]> {
    return this.disputes.find({ assignmentPending: true, stageAt: { $lt: waitingSince } }, { _id: 1 }).limit(limit).lean<Pick<DisputeDoc, '_id'>[]>().exec();
  }

  get model(): Model<DisputeDoc> {
    return this.disputes;
  }
}
