import { Schema } from 'mongoose';

export interface ProcessedEventDoc {
  _id: string; // `${consumerGroup}:${eventId}` — the primary key is the idempotency guard
  consumerGroup: string;
  eventType: string;
  processedAt: Date;
}

export const processedEventSchema = new Schema<ProcessedEventDoc>(
  {
    _id: { type: String, required: true },
    consumerGroup: { type: String, required: true },
    eventType: { type: String, required: true },
    processedAt: { type: Date, required: true },
  },
  { collection: 'processed_events', versionKey: false },
);
