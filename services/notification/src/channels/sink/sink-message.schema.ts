import { Schema } from 'mongoose';

/**
 * What a channel would have sent when no real provider is configured (the default): the SMS text, the WeChat
 * request body. Lets development, demos and tests see every outgoing message without any network call.
 */
export interface SinkMessageDoc {
  _id: string; // delivery id: a retried delivery is stored once
  channel: string;
  /** the address, masked (138****5678) */
  to: string;
  /** the address, encrypted with NOTIFICATION_CONTACT_KEY */
  toSealed?: string;
  caseNumber?: string;
  template: string;
  text: string;
  /** the request a real provider would have received */
  payload?: unknown;
  at: Date;
}

export const SINK_MESSAGE_MODEL = 'SinkMessage';

export const sinkMessageSchema = new Schema<SinkMessageDoc>(
  {
    _id: { type: String, required: true },
    channel: { type: String, required: true },
    to: { type: String, required: true },
    toSealed: String,
    caseNumber: String,
    template: { type: String, required: true },
    text: { type: String, required: true },
    payload: Schema.Types.Mixed,
    at: { type: Date, required: true },
  },
  { collection: 'sink_messages', versionKey: false },
);
// GET /api/v1/sink/messages?channel=sms&caseNumber=…
sinkMessageSchema.index({ caseNumber: 1, channel: 1 });
