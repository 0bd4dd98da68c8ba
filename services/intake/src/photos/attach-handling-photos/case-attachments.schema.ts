import { Schema } from 'mongoose';

/** A photo a handler took at the place, as the case page lists it. */
export interface HandlingPhoto {
  photoId: string;
  url: string;
  contentType: string;
  /** who took it and when */
  by: string;
  at: Date;
}

/**
 * 办理照片 — before/after photos the handlers took at the place (整改前 / 整改后), `_id` = case number: one read by `_id`
 * for the case page, entries added with $addToSet (the same photo twice is one).
 */
export interface CaseAttachmentsDoc {
  _id: string;
  before: HandlingPhoto[];
  after: HandlingPhoto[];
}

export const CASE_ATTACHMENTS_MODEL = 'CaseAttachments';
export const caseAttachmentsSchema = new Schema<CaseAttachmentsDoc>(
  { _id: { type: String, required: true }, before: { type: Schema.Types.Mixed, default: [] }, after: { type: Schema.Types.Mixed, default: [] } },
  { collection: 'case_attachments', versionKey: false },
);
