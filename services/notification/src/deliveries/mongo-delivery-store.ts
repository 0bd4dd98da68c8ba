import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { Delivery, DeliveryStore } from './delivery';
import { DELIVERY_MODEL, DeliveryDoc } from './delivery.schema';

const toDelivery = ({ _id, ...rest }: DeliveryDoc): Delivery => ({ id: _id, ...rest });

@Injectable()
export class MongoDeliveryStore implements DeliveryStore {
  constructor(@InjectModel(DELIVERY_MODEL) private readonly deliveries: Model<DeliveryDoc>) {}

  async insertNew(deliveries: Delivery[]): Promise<Delivery[]> {
    const inserted: Delivery[] = [];
    // one upsert per delivery: the unique _id makes a redelivered event insert nothing
    for (const { id, ...fields } of deliveries) {
      const result = await this.deliveries.updateOne({ _id: id }, { $setOnInsert: fields }, { upsert: true });
      if (result.upsertedCount > 0) inserted.push({ id, ...fields });
    }
    return inserted;
  }

  async get(id: string): Promise<Delivery | undefined> {
    const found = await this.deliveries.findById(id).lean<DeliveryDoc>();
    return found ? toDelivery(found) : undefined;
  }

  async claim(id: string, now: Date, leaseUntil: Date): Promise<Delivery | undefined> {
    const claimed = await this.deliveries
      .findOneAndUpdate(
        { _id: id, status: { $in: ['pending', 'held-for-quiet-hours'] }, nextAttemptAt: { $lte: now } },
        { $set: { status: 'pending', nextAttemptAt: leaseUntil, updatedAt: now } },
        { new: true },
      )
      .lean<DeliveryDoc>();
    return claimed ? toDelivery(claimed) : undefined;
  }

  async dueIds(now: Date, limit: number): Promise<string[]> {
    const due = async (status: string) =>
      this.deliveries.find({ status, nextAttemptAt: { $lte: now } }, { _id: 1 }).sort({ nextAttemptAt: 1 }).limit(limit).lean<{ _id: string }[]>();
    const [pending, held] = await Promise.all([due('pending'), due('held-for-quiet-hours')]);
    return [...pending, ...held].slice(0, limit).map((d) => d._id);
  }

  async markSent(id: string, at: Date, attempts: number, providerMessageId?: string): Promise<void> {
    await this.deliveries.updateOne(
      { _id: id },
      { $set: { status: 'sent', attempts, sentAt: at, updatedAt: at, outcomePending: true, ...(providerMessageId ? { providerMessageId } : {}) }, $unset: { nextAttemptAt: 1 } },
    );
  }

  async markRetry(id: string, at: Date, attempts: number, error: string, nextAttemptAt: Date): Promise<void> {
    await this.deliveries.updateOne({ _id: id }, { $set: { status: 'pending', attempts, lastError: error, nextAttemptAt, updatedAt: at } });
  }

  async markHeld(id: string, at: Date, until: Date): Promise<void> {
    await this.deliveries.updateOne({ _id: id }, { $set: { status: 'held-for-quiet-hours', nextAttemptAt: until, updatedAt: at } });
  }

  async markFailed(id: string, at: Date, attempts: number, error: string): Promise<void> {
    await this.deliveries.updateOne(
      { _id: id },
      { $set: { status: 'failed', attempts, lastError: error, failedAt: at, updatedAt: at, outcomePending: true }, $unset: { nextAttemptAt: 1 } },
    );
  }

  async requeue(id: string, at: Date): Promise<Delivery | undefined> {
    const found = await this.deliveries
      .findOneAndUpdate(
        { _id: id, status: 'failed' },
        { $set: { status: 'pending', attempts: 0, nextAttemptAt: at, updatedAt: at }, $unset: { failedAt: 1 } },
        { new: true },
      )
      .lean<DeliveryDoc>();
    return found ? toDelivery(found) : undefined;
  }

  async listByCase(caseNumber: string, limit: number): Promise<Delivery[]> {
    const found = await this.deliveries.find({ caseNumber }).sort({ createdAt: 1, _id: 1 }).limit(limit).lean<DeliveryDoc[]>();
    return found.map(toDelivery);
  }

  async outcomesToPublish(limit: number): Promise<Delivery[]> {
    const found = await this.deliveries.find({ outcomePending: true }).limit(limit).lean<DeliveryDoc[]>();
    return found.map(toDelivery);
  }

  async outcomePublished(id: string): Promise<void> {
    await this.deliveries.updateOne({ _id: id }, { $unset: { outcomePending: 1 } });
  }
}
