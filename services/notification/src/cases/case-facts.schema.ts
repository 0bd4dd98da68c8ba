import { Schema } from 'mongoose';

/**
 * What notices about a case need long after it was registered: who reported it (so the resolution reaches
 * everyone, merged duplicates included), its category and where it lives. Kept from the events themselves.
 */
export interface CaseFactsDoc {
  _id: string; // case number
  reporterRefs: string[];
  categoryCode?: string;
  orgPath?: string[];
  urgency?: string;
  streetId?: string;
  updatedAt: Date;
}
export const CASE_FACTS_MODEL = 'CaseFacts';
export const caseFactsSchema = new Schema<CaseFactsDoc>(
  {
    _id: { type: String, required: true },
    reporterRefs: { type: [String], default: [] },
    categoryCode: String,
    orgPath: { type: [String], default: undefined },
    urgency: String,
    streetId: String,
    updatedAt: { type: Date, required: true },
  },
  { collection: 'case_facts', versionKey: false },
);

/** Which reporter a call or report came from (hotline.call-logged carries callId and the caller's keyed hash). */
export interface ReportSourceDoc {
  _id: string; // `${channel}:${sourceRef}`
  reporterRef: string;
  at: Date;
}
export const REPORT_SOURCE_MODEL = 'ReportSource';
export const reportSourceSchema = new Schema<ReportSourceDoc>(
  { _id: { type: String, required: true }, reporterRef: { type: String, required: true }, at: { type: Date, required: true } },
  { collection: 'report_sources', versionKey: false },
);
