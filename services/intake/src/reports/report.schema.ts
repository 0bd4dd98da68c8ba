import { Schema } from 'mongoose';
import type { Channel, GeoPoint, RequestType, Urgency } from '@civicflow/contracts';

/** Why intake could not place a report: a dispatcher routes its case by hand (人工派单). */
export type UnroutedReason = 'no-location' | 'outside-every-grid' | 'address-unknown';

/** The grid, community and street that own the report's place, as intake's routing found them (定位派单). */
export interface ReportRouting {
  method: 'point' | 'address';
  gridId: string;
  gridName: string;
  communityId: string;
  communityName: string;
  streetId: string;
  streetName: string;
  districtId: string;
  /** city → district → street → community → grid */
  orgPath: string[];
}

/**
 * 受理登记 — one call, app report, patrol report or Open311 request as intake registered it: what was reported,
 * how intake classified and routed it, and which case it became or joined. Intake keeps no case state: where the
 * case stands is its workflow's, and intake reads it from the case events (case_views).
 *
 * `_id` is the source key `<channel>:<sourceRef>`, so a redelivered or resent report finds its registration, and
 * registration resumes where it stopped: classified and stored → linked to a case number (claimed for it, or the
 * open case it merged into) → handed over (the workflow started, or the merge announced).
 */
export interface ReportDoc {
  _id: string;
  channel: Channel;
  sourceRef: string;
  requestType: RequestType;
  urgency: Urgency;
  /** 分类定级 */
  categoryCode?: string;
  priority: Urgency;
  slaProfile: string;
  department?: string;
  isDispute: boolean;
  content: string;
  address?: string;
  location?: GeoPoint;
  /** photo ids (sha256 of the bytes), served at /api/v1/photos/{id} */
  photos: string[];
  /** links to photos the reporter's app hosts (Open311 media_url from a host intake does not fetch from): staff open them */
  photoLinks?: string[];
  /** keyed hash of whoever reported it, so everyone who reported a problem hears how it ended */
  reporterRef?: string;
  /** 一次办结: answered on the call; its case closes at once */
  answeredDirectly?: { articleId: string; answer: string };
  receivedAt: Date;
  correlationId: string;
  traceparent?: string;
  /** where intake routed it (unset while unrouted or merged) */
  routing?: ReportRouting;
  unroutedReason?: UnroutedReason;
  /** 合并 at the call: the operator found the problem open as this case and chose it (joined while it is still open) */
  joinCaseNumber?: string;
  /** the case it became, or the open case it joined (合并, `merged` set) */
  caseNumber?: string;
  merged?: { distanceMeters?: number; byOperator?: boolean; at: Date };
  /** the case workflow was started (or the merge announced): registration is complete */
  handedOverAt?: Date;
  /** the last registration attempt failed (the report is in the unregistered-reports queue) */
  failure?: { reason: string; at: Date };
}

export const REPORT_MODEL = 'Report';

const routingSchema = new Schema<ReportRouting>(
  {
    method: { type: String, required: true }, gridId: { type: String, required: true }, gridName: String, communityId: { type: String, required: true },
    communityName: String, streetId: { type: String, required: true }, streetName: String, districtId: String, orgPath: { type: [String], default: [] },
  },
  { _id: false },
);

const pointSchema = new Schema<GeoPoint>({ lng: { type: Number, required: true }, lat: { type: Number, required: true } }, { _id: false });
const answerSchema = new Schema({ articleId: String, answer: String }, { _id: false });
const mergedSchema = new Schema({ distanceMeters: Number, byOperator: Boolean, at: { type: Date, required: true } }, { _id: false });
const failureSchema = new Schema({ reason: { type: String, required: true }, at: { type: Date, required: true } }, { _id: false });

export const reportSchema = new Schema<ReportDoc>(
  {
    _id: { type: String, required: true },
    channel: { type: String, required: true },
    sourceRef: { type: String, required: true },
    requestType: { type: String, required: true },
    urgency: { type: String, required: true },
    categoryCode: String,
    priority: { type: String, required: true },
    slaProfile: { type: String, required: true },
    department: String,
    isDispute: { type: Boolean, required: true },
    content: { type: String, default: '' },
    address: String,
    location: { type: pointSchema, default: undefined },
    photos: { type: [String], default: [] },
    photoLinks: { type: [String], default: undefined },
    reporterRef: String,
    answeredDirectly: { type: answerSchema, default: undefined },
    receivedAt: { type: Date, required: true },
    correlationId: { type: String, required: true },
    traceparent: String,
    routing: { type: routingSchema, default: undefined },
    unroutedReason: String,
    joinCaseNumber: String,
    caseNumber: String,
    merged: { type: mergedSchema, default: undefined },
    handedOverAt: Date,
    failure: { type: failureSchema, default: undefined },
  },
  // every read and write is by _id (the source key); no secondary index
  { collection: 'reports', versionKey: false },
);

/** How intake placed the report, in the words of the workflow input and case.registered (intakeStatus). */
export function intakeStatusOf(report: Pick<ReportDoc, 'answeredDirectly' | 'routing'>): 'routed' | 'manual-queue' | 'closed' {
  if (report.answeredDirectly) return 'closed';
  return report.routing ? 'routed' : 'manual-queue';
}

export function sourceKeyOf(channel: string, sourceRef: string): string {
  return `${channel}:${sourceRef}`;
}
