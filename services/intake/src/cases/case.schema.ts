import { Schema } from 'mongoose';

export interface CaseDoc {
  _id: string; // case number 案件编号
  sourceKey: string; // `${channel}:${sourceRef}` — one case per call/report, however often it is redelivered
  channel: string;
  sourceRef: string;
  requestType: string;
  urgency: string;
  categoryCode?: string;
  content: string;
  address?: string;
  location?: { lng: number; lat: number };
  registeredAt: Date;
  correlationId: string;
}

export const CASE_MODEL = 'Case';

export const caseSchema = new Schema<CaseDoc>(
  {
    _id: { type: String, required: true },
    sourceKey: { type: String, required: true },
    channel: { type: String, required: true },
    sourceRef: { type: String, required: true },
    requestType: { type: String, required: true },
    urgency: { type: String, required: true },
    categoryCode: String,
    content: { type: String, required: true },
    address: String,
    location: { lng: Number, lat: Number },
    registeredAt: { type: Date, required: true },
    correlationId: { type: String, required: true },
  },
  { collection: 'cases', versionKey: false },
);
// idempotency: a redelivered call-logged event finds its case instead of making a second one
caseSchema.index({ sourceKey: 1 }, { unique: true });

export interface CaseCounterDoc {
  _id: string; // YYYYMMDD in China time
  seq: number;
}
export const CASE_COUNTER_MODEL = 'CaseCounter';
export const caseCounterSchema = new Schema<CaseCounterDoc>(
  { _id: { type: String, required: true }, seq: { type: Number, required: true } },
  { collection: 'case_counters', versionKey: false },
);
