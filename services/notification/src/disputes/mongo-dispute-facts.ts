import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { DisputeFacts, DisputeFactsRecorder, DisputeFactsUpdate } from './dispute-facts';
import { DISPUTE_FACTS_MODEL, DisputeFactsDoc } from './dispute-facts.schema';

/** Dispute facts in the service's own database: one upsert by _id per event ($set of the values it carries). */
@Injectable()
export class MongoDisputeFacts implements DisputeFactsRecorder {
  constructor(@InjectModel(DISPUTE_FACTS_MODEL) private readonly disputes: Model<DisputeFactsDoc>) {}

  async get(disputeId: string): Promise<DisputeFacts | undefined> {
    const found = await this.disputes.findById(disputeId).lean();
    return found
      ? { disputeId, caseNumber: found.caseNumber, communityId: found.communityId, disputeType: found.disputeType, mediatorId: found.mediatorId, level: found.level }
      : undefined;
  }

  async record(disputeId: string, facts: DisputeFactsUpdate, at: Date): Promise<void> {
    const defined = Object.fromEntries(Object.entries(facts).filter(([, v]) => v !== undefined));
    await this.disputes.updateOne({ _id: disputeId }, { $set: { ...defined, updatedAt: at } }, { upsert: true });
  }
}
