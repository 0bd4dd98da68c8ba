import { Schema } from 'mongoose';

export interface CallDoc {
  _id: string; // call id
  receivedAt: Date;
  callerHash: string;
  callerEncrypted: string;
  callerMasked: string;
  content: string;
  requestType: string;
  urgency: string;
  categoryCode?: string;
  address?: string;
  location?: { lng: number; lat: number };
  operatorId: string;
}

export const CALL_MODEL = 'Call';

export const callSchema = new Schema<CallDoc>(
  {
    _id: { type: String, required: true },
    receivedAt: { type: Date, required: true },
    callerHash: { type: String, required: true },
    callerEncrypted: { type: String, required: true },
    callerMasked: { type: String, required: true },
    content: { type: String, required: true },
    requestType: { type: String, required: true },
    urgency: { type: String, required: true },
    categoryCode: String,
    address: String,
    location: { lng: Number, lat: Number },
    operatorId: { type: String, required: true },
  },
  { collection: 'calls', versionKey: false },
);
// serves "the caller's earlier calls" (repeat callers), newest first
callSchema.index({ callerHash: 1, receivedAt: -1 });
