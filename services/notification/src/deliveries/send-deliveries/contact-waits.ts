import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { CONTACT_WAIT_MODEL, ContactWaitDoc } from './contact-wait.schema';

/**
 * 短信告知 without a race: the hotline registers a caller's number beside the call, not before it, so case.registered
 * can reach this service first. A citizen's delivery that finds no number is written down here under the citizen's
 * ref (one document by `_id`); the directory write that brings the number takes the list and sends them at once,
 * instead of at their next retry (30 s and more). Both are point operations; nothing scans the deliveries.
 * A list lives only while its deliveries are pending: one that settles without the contact arriving (sent once a
 * retry found the number, or failed when its attempts ran out) leaves the list, and a list left empty is deleted —
 * point operations too, so the collection holds citizens with a pending delivery, not every caller ever without a
 * number (FerretDB 1.x has no TTL index; this needs none).
 */
export interface ContactWaits {
  /** The delivery waits for the citizen's contact. */
  add(citizenRef: string, deliveryId: string): Promise<void>;
  /** The deliveries that waited for this citizen, handed over once (the list is gone after). */
  take(citizenRef: string): Promise<string[]>;
  /** The delivery settled: it waits no more (a list left empty goes). */
  forget(citizenRef: string, deliveryId: string): Promise<void>;
}

@Injectable()
export class MongoContactWaits implements ContactWaits {
  constructor(@InjectModel(CONTACT_WAIT_MODEL) private readonly waits: Model<ContactWaitDoc>) {}

  async add(citizenRef: string, deliveryId: string): Promise<void> {
    await this.waits.updateOne({ _id: citizenRef }, { $addToSet: { deliveryIds: deliveryId } }, { upsert: true });
  }

  async take(citizenRef: string): Promise<string[]> {
    return (await this.waits.findOneAndDelete({ _id: citizenRef }).lean<ContactWaitDoc>())?.deliveryIds ?? [];
  }

  async forget(citizenRef: string, deliveryId: string): Promise<void> {
    const left = await this.waits.findOneAndUpdate({ _id: citizenRef }, { $pull: { deliveryIds: deliveryId } }, { new: true }).lean<ContactWaitDoc>();
    // only if still empty: a delivery added in between keeps the list
    if (left && left.deliveryIds.length === 0) await this.waits.deleteOne({ _id: citizenRef, deliveryIds: { $size: 0 } });
  }
}

/** In memory, for unit tests of the sender. */
export class InMemoryContactWaits implements ContactWaits {
  readonly byCitizen = new Map<string, Set<string>>();

  async add(citizenRef: string, deliveryId: string): Promise<void> {
    this.byCitizen.set(citizenRef, (this.byCitizen.get(citizenRef) ?? new Set()).add(deliveryId));
  }

  async take(citizenRef: string): Promise<string[]> {
    const ids = [...(this.byCitizen.get(citizenRef) ?? [])];
    this.byCitizen.delete(citizenRef);
    return ids;
  }

  async forget(citizenRef: string, deliveryId: string): Promise<void> {
    const ids = this.byCitizen.get(citizenRef);
    ids?.delete(deliveryId);
    if (ids?.size === 0) this.byCitizen.delete(citizenRef);
  }
}
