import { Schema } from 'mongoose';
import type { GeoPoint } from '@civicflow/contracts';

/**
 * 人工派单队列 — one entry per case waiting for a dispatcher, `_id` = case number: a case intake could not place
 * (no location, outside every grid, unknown address) or one a unit returned (退单). Entered and left by the case
 * events (registered unrouted / returned → in; dispatched, closed, merged → out), so it lists only cases that
 * really wait. Carries what the dispatcher reads to decide, copied from the report.
 */
export interface DispatchQueueEntryDoc {
  _id: string;
  reason: 'no-location' | 'outside-every-grid' | 'address-unknown' | 'returned';
  returnedBy?: string;
  returnReason?: string;
  /** when it began to wait */
  since: Date;
  registeredAt: Date;
  channel: string;
  requestType: string;
  categoryCode?: string;
  content: string;
  address?: string;
  location?: GeoPoint;
}

export const DISPATCH_QUEUE_MODEL = 'DispatchQueueEntry';
export const dispatchQueueEntrySchema = new Schema<DispatchQueueEntryDoc>(
  {
    _id: { type: String, required: true },
    reason: { type: String, required: true },
    returnedBy: String,
    returnReason: String,
    since: { type: Date, required: true },
    registeredAt: { type: Date, required: true },
    channel: { type: String, required: true },
    requestType: { type: String, required: true },
    categoryCode: String,
    content: { type: String, default: '' },
    address: String,
    location: { type: Schema.Types.Mixed, default: undefined },
  },
  // only cases waiting now (a small collection), listed whole; written by _id
  { collection: 'dispatch_queue', versionKey: false },
);
