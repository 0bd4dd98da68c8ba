import { Schema } from 'mongoose';

/** Where intake left the case: routed to a community, waiting for a dispatcher, or closed at intake (一次办结). */
export type IntakeStatus = 'routed' | 'manual-queue' | 'closed';

export interface CaseRouting {
  method: 'point' | 'address';
  gridId: string;
  gridName: string;
  communityId: string;
  communityName: string;
  streetId: string;
  streetName: string;
  districtId: string;
}

export interface CaseReporter {
  channel: string;
  sourceRef: string;
  reporterRef?: string;
  reportedAt: Date;
}

export interface CaseDoc {
  _id: string; // case number 案件编号
  channel: string;
  sourceRef: string;
  requestType: string;
  urgency: string;
  priority: string;
  categoryCode?: string;
  slaProfile: string;
  department?: string;
  isDispute: boolean;
  content: string;
  address?: string;
  location?: { lng: number; lat: number };
  /** `${categoryCode}:${geohash7}` — equality key for finding duplicates nearby (FerretDB pushes equality down). */
  dedupKey?: string;
  photos: string[];
  status: IntakeStatus;
  manualQueueReason?: string;
  answeredDirectly?: { articleId: string; answer: string };
  routing?: CaseRouting;
  /** Org unit ids city → district → street → community → grid; jurisdiction checks use it. */
  orgPath: string[];
  /** Everyone who reported this problem: the first report and every merged duplicate. */
  reporters: CaseReporter[];
  registeredAt: Date;
  correlationId: string;
}

export const CASE_MODEL = 'Case';

export const caseSchema = new Schema<CaseDoc>(
  {
    _id: { type: String, required: true },
    channel: { type: String, required: true },
    sourceRef: { type: String, required: true },
    requestType: { type: String, required: true },
    urgency: { type: String, required: true },
    priority: { type: String, required: true },
    categoryCode: String,
    slaProfile: { type: String, required: true },
    department: String,
    isDispute: { type: Boolean, required: true },
    content: { type: String, required: true },
    address: String,
    location: { _id: false, lng: Number, lat: Number },
    dedupKey: String,
    photos: { type: [String], default: [] },
    status: { type: String, required: true },
    manualQueueReason: String,
    answeredDirectly: { _id: false, articleId: String, answer: String },
    routing: {
      _id: false, method: String, gridId: String, gridName: String, communityId: String, communityName: String,
      streetId: String, streetName: String, districtId: String,
    },
    orgPath: { type: [String], default: [] },
    reporters: [{ _id: false, channel: String, sourceRef: String, reporterRef: String, reportedAt: Date }],
    registeredAt: { type: Date, required: true },
    correlationId: { type: String, required: true },
  },
  { collection: 'cases', versionKey: false },
);
// duplicate detection: open cases of one category in one ~150 m cell
caseSchema.index({ dedupKey: 1 });
// the dispatcher's manual queue (人工派单)
caseSchema.index({ status: 1, registeredAt: 1 });

/** One per call, report or request: which case it became (or joined). The _id makes redelivery harmless. */
export interface CaseSourceDoc {
  _id: string; // `${channel}:${sourceRef}`
  caseNumber: string;
  merged: boolean;
  at: Date;
}
export const CASE_SOURCE_MODEL = 'CaseSource';
export const caseSourceSchema = new Schema<CaseSourceDoc>(
  {
    _id: { type: String, required: true },
    caseNumber: { type: String, required: true },
    merged: { type: Boolean, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'case_sources', versionKey: false },
);

export interface CaseCounterDoc {
  _id: string; // YYYYMMDD in China time
  seq: number;
}
export const CASE_COUNTER_MODEL = 'CaseCounter';
export const caseCounterSchema = new Schema<CaseCounterDoc>(
  { _id: { type: String, required: true }, seq: { type: Number, required: true } },
  { collection: 'case_counters', versionKey: false },
);
