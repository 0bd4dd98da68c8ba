import { Schema } from 'mongoose';
import type { DayBucketDoc } from './day-buckets';

/** A request as the day's list names it: enough to filter by service before reading the request. */
export interface RequestDayEntry {
  token: string;
  serviceCode: string;
  at: Date;
}

export const OPEN311_REQUEST_DAY_MODEL = 'Open311RequestDay';
/** open311_request_days: `_id` = the China day the requests were received, GET requests reads a day by `_id`. */
export const open311RequestDaySchema = new Schema<DayBucketDoc<RequestDayEntry>>(
  { _id: { type: String, required: true }, entries: { type: Schema.Types.Mixed, default: [] } },
  { collection: 'open311_request_days', versionKey: false },
);
