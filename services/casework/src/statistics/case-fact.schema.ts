import { Schema } from 'mongoose';
import { CaseFactDoc } from './case-fact';

export const CASE_FACT_MODEL = 'CaseFact';

export const caseFactSchema = new Schema<CaseFactDoc>(
  {
    _id: { type: String, required: true },
    revision: { type: Number, required: true },
    lastSequence: { type: Number, required: true },
    registeredAt: { type: Date, default: null },
    channel: { type: String, default: null },
    requestType: { type: String, default: null },
    categoryCode: { type: String, default: null },
    priority: { type: String, default: null },
    districtId: { type: String, default: null },
    streetId: { type: String, default: null },
    communityId: { type: String, default: null },
    gridId: { type: String, default: null },
    orgPath: { type: [String], default: [] },
    stage: { type: String, required: true },
    level: { type: String, default: null },
    currentUnit: { type: String, default: null },
    dispatchedAt: { type: Date, default: null },
    acceptanceDeadline: { type: Date, default: null },
    acceptedAt: { type: Date, default: null },
    responded: { type: Boolean, required: true },
    respondedOnTime: { type: Boolean, required: true },
    resolved: { type: Boolean, required: true },
    resolvedAt: { type: Date, default: null },
    resolvedOnTime: { type: Boolean, required: true },
    closedAt: { type: Date, default: null },
    closureReason: { type: String, default: null },
    everBreached: { type: Boolean, required: true },
    breachedWindows: { type: [String], default: [] },
    handlingBreached: { type: Boolean, required: true },
    escalated: { type: Boolean, required: true },
    departmentIds: { type: [String], default: [] },
    returnedCount: { type: Number, required: true },
    reopenedCount: { type: Number, required: true },
    callbackReached: { type: Boolean, default: null },
    satisfaction: { type: String, default: null },
    merged: { type: Boolean, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'case_facts', versionKey: false, minimize: false },
);
// No secondary indexes: the figures read the day buckets (case_fact_days) and load facts by _id only.
