import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { FOLLOW_UPS, FollowUps, rememberFollowUp } from '../shared/follow-ups';
import { RevisionedCollection } from '../shared/revisioned-collection';
import { DisputeDoc, OPEN_STAGES } from './dispute';
import { DISPUTE_MODEL } from './dispute.schema';

const POLL_MS = 50;

/**
 * The disputes collection: the projection of the mediation events, written by the projector alone
 * (read-model/mediation-events.message.controller.ts); everything else reads it. A write that leaves a dispute
 * waiting for a mediator remembers it first for the assignment retry (shared/follow-ups.ts).
 */
@Injectable()
export class DisputeStore extends RevisionedCollection<DisputeDoc> {
  constructor(@InjectModel(DISPUTE_MODEL) disputes: Model<DisputeDoc>, @Inject(FOLLOW_UPS) private readonly followUps: FollowUps) {
    super(disputes, '纠纷 dispute');
  }

  protected override async beforeWrite(disputeId: string, fields: Partial<DisputeDoc>): Promise<void> {
    if (fields.assignmentPending === true) await rememberFollowUp(this.followUps.assignments, disputeId, this.followUps.assignmentCheckMs);
  }

  /**
   * The dispute once the projection has applied the workflow's events up to `sequence` (an Update's answer says
   * which): what a user who just acted should see. Waits at most `timeoutMs`; then the dispute as it stands.
   */
  async whenProjected(disputeId: string, sequence: number, timeoutMs = 10_000): Promise<DisputeDoc | null> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const doc = await this.findById(disputeId);
      if ((doc && doc.lastSequence >= sequence) || Date.now() >= until) return doc;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  /** 在办纠纷数: what the workload assignment compares. */
  openCount(mediatorId: string): Promise<number> {
    return this.docs.countDocuments({ mediatorId, stage: { $in: [...OPEN_STAGES] } }).exec();
  }
}
