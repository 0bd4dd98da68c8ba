import { Schema } from 'mongoose';
import { Delivery } from './delivery';

export type DeliveryDoc = Omit<Delivery, 'id'> & { _id: string };

export const DELIVERY_MODEL = 'Delivery';

export const deliverySchema = new Schema<DeliveryDoc>(
  {
    _id: { type: String, required: true },
    eventId: { type: String, required: true },
    eventType: { type: String, required: true },
    caseNumber: String,
    template: { type: String, required: true },
    channel: { type: String, required: true },
    recipient: { _id: false, kind: { type: String, required: true }, id: { type: String, required: true } },
    locale: { type: String, required: true },
    urgent: { type: Boolean, required: true },
    message: { type: Schema.Types.Mixed, required: true },
    status: { type: String, required: true },
    attempts: { type: Number, required: true },
    nextAttemptAt: Date,
    lastError: String,
    providerMessageId: String,
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    sentAt: Date,
    failedAt: Date,
    outcomePending: Boolean,
  },
  { collection: 'deliveries', versionKey: false, minimize: false },
);
// GET /api/v1/notifications?caseNumber=… (FerretDB reads it through delivery_lists by _id; real MongoDB may use this index too)
deliverySchema.index({ caseNumber: 1, createdAt: 1 });
// (no index for due or unannounced deliveries: the due list (`due_work`, by _id) says which to look at)
