import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { DueList, MemberListDoc, memberListSchema } from '@civicflow/platform';
import { CaseIndex } from '../cases/case-index';
import { CLOCK, Clock } from '../clock/clock';
import { Delivery, DeliveryStore } from './delivery';
import { DELIVERY_MODEL, DeliveryDoc } from './delivery.schema';

/** The due list of deliveries (send-deliveries/delivery-queue.ts sweeps it). */
export const DELIVERY_DUE_LIST = Symbol('DELIVERY_DUE_LIST');

export const DELIVERY_LIST_MODEL = 'DeliveryList';
/** Each case's deliveries (GET /notifications?caseNumber), by `_id`: a `CaseIndex`. */
export const deliveryListSchema = memberListSchema('delivery_lists');

const toDelivery = ({ _id, ...rest }: DeliveryDoc): Delivery => ({ id: _id, ...rest });

@Injectable()
export class MongoDeliveryStore implements DeliveryStore {
  private readonly byCase: CaseIndex;

  constructor(
    @InjectModel(DELIVERY_MODEL) private readonly deliveries: Model<DeliveryDoc>,
    @InjectModel(DELIVERY_LIST_MODEL) lists: Model<MemberListDoc>,
    @Inject(DELIVERY_DUE_LIST) private readonly due: DueList,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.byCase = new CaseIndex(lists);
  }

  async insertNew(deliveries: Delivery[]): Promise<Delivery[]> {
    await this.remember(deliveries);
    const inserted: Delivery[] = [];
    // one upsert per delivery: the unique _id makes a redelivered event insert nothing
    for (const { id, ...fields } of deliveries) {
      if (fields.caseNumber) await this.byCase.add(fields.caseNumber, fields.createdAt, id);
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

  async dueNow(id: string, now: Date): Promise<boolean> {
    const moved = await this.deliveries.updateOne({ _id: id, status: 'pending', nextAttemptAt: { $gt: now } }, { $set: { nextAttemptAt: now, updatedAt: now } });
    return moved.modifiedCount > 0;
  }

  async requeue(id: string, at: Date): Promise<Delivery | undefined> {
    await this.due.add([id], at, this.clock.now());
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
    const found = await Promise.all((await this.byCase.ids(caseNumber)).slice(0, limit).map((id) => this.deliveries.findById(id).lean<DeliveryDoc>()));
    return found.filter((d): d is DeliveryDoc => d !== null && d.caseNumber === caseNumber).map(toDelivery);
  }

  async unfinished(now: Date): Promise<Array<{ id: string; dueAt: Date }>> {
    const found = await this.deliveries
      .find({ $or: [{ status: { $in: ['pending', 'held-for-quiet-hours'] } }, { outcomePending: true }] }, { _id: 1, status: 1, nextAttemptAt: 1 })
      .lean<Pick<DeliveryDoc, '_id' | 'status' | 'nextAttemptAt'>[]>();
    return found.map((d) => ({ id: d._id, dueAt: d.status === 'pending' || d.status === 'held-for-quiet-hours' ? (d.nextAttemptAt ?? now) : now }));
  }

  async outcomePublished(id: string): Promise<void> {
    await this.deliveries.updateOne({ _id: id }, { $unset: { outcomePending: 1 } });
  }

  /** New deliveries go into the due list at their first attempt (now, or the end of quiet hours). */
  private async remember(deliveries: Delivery[]): Promise<void> {
    const byTime = new Map<number, string[]>();
    for (const d of deliveries) {
      const at = (d.nextAttemptAt ?? this.clock.now()).getTime();
      byTime.set(at, [...(byTime.get(at) ?? []), d.id]);
    }
    for (const [at, ids] of byTime) await this.due.add(ids, new Date(at), this.clock.now());
  }
}
