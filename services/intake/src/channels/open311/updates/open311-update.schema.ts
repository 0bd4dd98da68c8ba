import { Schema } from 'mongoose';
import type { DayBucketDoc } from '../listing/day-buckets';

/** One change of a request's status or notes: FixMyStreet's request_update, and the body of a webhook. */
export interface Open311Update {
  update_id: string;
  service_request_id: string;
  status: string;
  /** the status notes after the change */
  description: string;
  updated_datetime: string;
  /** CivicFlow's stage (FixMyStreet maps external status codes to its own states) */
  external_status_code: string;
  media_url: string;
}

/** An update and who it is for (the app whose request changed: only it gets the webhook). */
export interface UpdateEntry extends Open311Update {
  app: string;
  at: Date;
}

export const OPEN311_UPDATE_DAY_MODEL = 'Open311UpdateDay';
/** open311_update_days: `_id` = the China day of the changes; servicerequestupdates reads a day by `_id`. */
export const open311UpdateDaySchema = new Schema<DayBucketDoc<UpdateEntry>>(
  { _id: { type: String, required: true }, entries: { type: Schema.Types.Mixed, default: [] } },
  { collection: 'open311_update_days', versionKey: false },
);

/**
 * open311_cases: `_id` = case number. The Open311 requests whose reports are on the case (tokens), and the cases
 * merged into it (their requests' status follows this one's). A case event finds by `_id` whose status it moves.
 */
export interface Open311CaseDoc {
  _id: string;
  tokens: string[];
  followers: string[];
}

export const OPEN311_CASE_MODEL = 'Open311Case';
export const open311CaseSchema = new Schema<Open311CaseDoc>(
  { _id: { type: String, required: true }, tokens: { type: [String], default: [] }, followers: { type: [String], default: [] } },
  { collection: 'open311_cases', versionKey: false },
);
