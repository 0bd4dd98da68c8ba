import { Schema } from 'mongoose';
import { ReportPhoto } from '../../../photos/accept-photos/accept-photos.usecase';

/**
 * 上报 — a report as it arrived, before it is a case: a resident's app report or a grid worker's patrol report.
 * The source record of the case, as a call is for the hotline; the case refers back to it by its source key.
 */
export interface FieldReportDoc {
  /** `<channel>:<sourceRef>`, the case's source key: one report, one case, however often it is sent. */
  _id: string;
  channel: 'app' | 'patrol';
  /** app: `<app>/<reportId>`; patrol: `<userId>/<reportId>`. */
  sourceRef: string;
  reportId: string;
  /** Who sent it: the client app, or the signed-in grid worker and their grid. */
  submittedBy: { app?: string; userId?: string; unitId?: string };
  reporterRef?: string;
  content: string;
  requestType: string;
  urgency: string;
  categoryCode?: string;
  address?: string;
  location?: { lng: number; lat: number };
  photos: ReportPhoto[];
  receivedAt: Date;
  /** Set once registration answered. */
  caseNumber?: string;
}

export const FIELD_REPORT_MODEL = 'FieldReport';

const photoSchema = new Schema<ReportPhoto>(
  { photoId: { type: String, required: true }, url: String, contentType: { type: String, required: true }, bytes: Number, originalName: String },
  { _id: false },
);

export const fieldReportSchema = new Schema<FieldReportDoc>(
  {
    _id: { type: String, required: true },
    channel: { type: String, required: true },
    sourceRef: { type: String, required: true },
    reportId: { type: String, required: true },
    submittedBy: { app: String, userId: String, unitId: String },
    reporterRef: String,
    content: { type: String, required: true },
    requestType: { type: String, required: true },
    urgency: { type: String, required: true },
    categoryCode: String,
    address: String,
    location: { lng: Number, lat: Number },
    photos: { type: [photoSchema], default: [] },
    receivedAt: { type: Date, required: true },
    caseNumber: String,
  },
  { collection: 'field_reports', versionKey: false },
);
// read and written by _id only (a case's photos and reporter are on its registered report, intake's `reports`)
