import { Schema } from 'mongoose';

/** One document per dispute, by its id; see DisputeFacts. */
export interface DisputeFactsDoc {
  _id: string; // dispute id
  caseNumber?: string;
  communityId?: string;
  disputeType?: string;
  mediatorId?: string;
  level?: 'community' | 'street';
  updatedAt: Date;
}
export const DISPUTE_FACTS_MODEL = 'DisputeFacts';
export const disputeFactsSchema = new Schema<DisputeFactsDoc>(
  {
    _id: { type: String, required: true },
    caseNumber: String,
    communityId: String,
    disputeType: String,
    mediatorId: String,
    level: String,
    updatedAt: { type: Date, required: true },
  },
  { collection: 'dispute_facts', versionKey: false },
);
