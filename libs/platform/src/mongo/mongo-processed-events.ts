import { Model } from 'mongoose';
import { ProcessedEventStore } from '../kafka/processed-events';
import { isDuplicateKey } from './duplicate-key';
import { ProcessedEventDoc } from './processed-event.schema';

/** Single-document writes keyed by _id, so it works on FerretDB (no transactions) and on MongoDB alike. */
export class MongoProcessedEventStore implements ProcessedEventStore {
  constructor(private readonly model: Model<ProcessedEventDoc>) {}

  async has(consumerGroup: string, eventId: string): Promise<boolean> {
    return (await this.model.exists({ _id: `${consumerGroup}:${eventId}` })) !== null;
  }

  async mark(consumerGroup: string, eventId: string, eventType: string): Promise<void> {
    try {
      await this.model.create({ _id: `${consumerGroup}:${eventId}`, consumerGroup, eventType, processedAt: new Date() });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }
}
