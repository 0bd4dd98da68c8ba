import { Schema } from 'mongoose';
import { DisputeDoc } from './dispute';

export const DISPUTE_MODEL = 'Dispute';

const loose = { _id: false, strict: false } as const;

export const disputeSchema = new Schema<DisputeDoc>(
  {
    _id: { type: String, required: true },
    caseNumber: { type: String, default: null },
    origin: { type: String, required: true },
    categoryCode: { type: String, default: null },
    disputeType: { type: String, required: true },
    summary: { type: String, required: true },
    amountAtStakeCny: { type: Number, default: null },
    communityId: { type: String, required: true },
    streetId: { type: String, required: true },
    districtId: { type: String, default: null },
    orgPath: { type: [String], default: [] },
    stage: { type: String, required: true },
    level: { type: String, required: true },
    committeeId: { type: String, default: null },
    mediatorId: { type: String, default: null },
    pastMediatorIds: { type: [String], default: [] },
    agreement: { type: new Schema({}, loose), default: null },
    failures: { type: [new Schema({}, loose)], default: [] },
    pastAgreements: { type: [new Schema({}, loose)], default: [] },
    deadline: { type: Date, default: null },
    lastSequence: { type: Number, default: 0 },
    guidance: { type: String, default: null },
    reopenCount: { type: Number, default: 0 },
    openedAt: { type: Date, required: true },
    assignedAt: { type: Date, default: null },
    escalatedAt: { type: Date, default: null },
    agreedAt: { type: Date, default: null },
    resolvedAt: { type: Date, default: null },
    failedAt: { type: Date, default: null },
    stageAt: { type: Date, required: true },
    assignmentPending: { type: Boolean, required: true },
    openedBy: { type: new Schema({}, loose), required: true },
    correlationId: { type: String, required: true },
    revision: { type: Number, required: true },
  },
  { collection: 'disputes', versionKey: false, minimize: false },
);
// serves the list (filters by community / street, stage, level; newest first) and the figures (period by openedAt)
disputeSchema.index({ communityId: 1, openedAt: -1 });
disputeSchema.index({ streetId: 1, openedAt: -1 });
disputeSchema.index({ openedAt: -1 });
// serves the workload count (open disputes per mediator)
disputeSchema.index({ mediatorId: 1, stage: 1 });
