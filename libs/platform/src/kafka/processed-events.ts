/**
 * Remembers which events a consumer group has already handled, so redelivery (at-least-once) changes nothing.
 * Backed by a unique index in Mongo; see mongo/mongo-processed-events.ts.
 */
export interface ProcessedEventStore {
  has(consumerGroup: string, eventId: string): Promise<boolean>;
  mark(consumerGroup: string, eventId: string, eventType: string): Promise<void>;
}
