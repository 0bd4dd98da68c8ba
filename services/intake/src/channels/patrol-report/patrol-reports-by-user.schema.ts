import { Schema } from 'mongoose';

/** One patrol report as its grid worker's list shows it. */
export interface PatrolReportEntry {
  reportId: string;
  caseNumber: string;
  merged: boolean;
  content: string;
  categoryCode?: string;
  address?: string;
  location?: { lng: number; lat: number };
  photos: number;
  receivedAt: Date;
}

/**
 * 我的巡查上报 — a grid worker's patrol reports, oldest first (the latest 200), `_id` = their user id: their list is
 * one read by `_id`, kept by the report's submission (never a query over every report).
 */
export interface PatrolReportsByUserDoc {
  _id: string;
  reports: PatrolReportEntry[];
}

export const PATROL_REPORTS_BY_USER_MODEL = 'PatrolReportsByUser';
export const PATROL_REPORTS_KEPT = 200;

export const patrolReportsByUserSchema = new Schema<PatrolReportsByUserDoc>(
  { _id: { type: String, required: true }, reports: { type: Schema.Types.Mixed, default: [] } },
  { collection: 'patrol_reports_by_user', versionKey: false },
);
