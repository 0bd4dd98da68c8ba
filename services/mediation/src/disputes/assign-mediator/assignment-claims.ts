import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Schema } from 'mongoose';
import { isDuplicateKey } from '@civicflow/platform';

/**
 * 指派进行中: the service's own bookkeeping of assigning a mediator to a dispute (`_id` = dispute id) — who is
 * trying now and why the last try did not get through. Not the dispute's state: the workflow decides who holds
 * the dispute, and the projection shows it.
 */
export interface AssignmentClaimDoc {
  _id: string;
  /** an assignment in progress holds the dispute until then, so two tries (retry loop, event, request) never race */
  claimedUntil: Date | null;
  /** why the last try did not assign anyone (no member free of conflicts, the workflow unreachable) */
  error: string | null;
}

export const ASSIGNMENT_CLAIM_MODEL = 'AssignmentClaim';

export const assignmentClaimSchema = new Schema<AssignmentClaimDoc>(
  { _id: { type: String, required: true }, claimedUntil: { type: Date, default: null }, error: { type: String, default: null } },
  { collection: 'assignment_claims', versionKey: false },
);

@Injectable()
export class AssignmentClaims {
  constructor(@InjectModel(ASSIGNMENT_CLAIM_MODEL) private readonly claims: Model<AssignmentClaimDoc>) {}

  /** Takes the dispute's assignment for `forMs` unless another try holds it: true when this one may go on. */
  async claim(disputeId: string, now: Date, forMs: number): Promise<boolean> {
    const until = new Date(now.getTime() + forMs);
    const taken = await this.claims.collection.updateOne(
      { _id: disputeId as never, $or: [{ claimedUntil: null }, { claimedUntil: { $lt: now } }] },
      { $set: { claimedUntil: until } },
    );
    if (taken.matchedCount === 1) return true;
    try {
      await this.claims.collection.insertOne({ _id: disputeId as never, claimedUntil: until, error: null });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false; // held by another try
      throw error;
    }
  }

  async release(disputeId: string, error: string | null): Promise<void> {
    await this.claims.collection.updateOne({ _id: disputeId as never }, { $set: { claimedUntil: null, error } });
  }

  async lastError(disputeId: string): Promise<string | null> {
    return (await this.claims.findById(disputeId).lean<AssignmentClaimDoc>().exec())?.error ?? null;
  }
}
