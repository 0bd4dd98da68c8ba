import { Schema } from 'mongoose';

/**
 * 未成案上报 — a stored report whose registration failed (the grid dataset missing, Temporal or the database away, a
 * bug): it is kept here with the reason until a later attempt (a redelivery, the client's resend, a dispatcher's
 * retry) makes it a case, so no report is ever dropped unseen. `_id` = the report's source key.
 */
export interface UnregisteredReportDoc {
  _id: string;
  channel: string;
  sourceRef: string;
  /** the report in a line, for the dispatcher's list */
  summary: string;
  reason: string;
  attempts: number;
  firstFailedAt: Date;
  lastFailedAt: Date;
}

export const UNREGISTERED_REPORT_MODEL = 'UnregisteredReport';
export const unregisteredReportSchema = new Schema<UnregisteredReportDoc>(
  {
    _id: { type: String, required: true },
    channel: { type: String, required: true },
    sourceRef: { type: String, required: true },
    summary: { type: String, default: '' },
    reason: { type: String, required: true },
    attempts: { type: Number, required: true },
    firstFailedAt: { type: Date, required: true },
    lastFailedAt: { type: Date, required: true },
  },
  // a small collection (failures only), listed whole; written by _id
  { collection: 'unregistered_reports', versionKey: false },
);
