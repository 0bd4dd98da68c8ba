import { Model } from 'mongoose';
import { Clock } from '../../clock/clock';
import { DeliveryResult, NotificationChannel, OutgoingMessage } from '../notification-channel';
import { InboxFeed } from './inbox-feed';
import { InboxItemDoc } from './inbox-item.schema';
import { InboxLists } from './inbox-lists';

/** 站内信: the message lands in the user's inbox (Mongo, filed in the user's lists) and on their open streams. */
export class InboxChannel implements NotificationChannel {
  readonly name = 'inbox' as const;

  constructor(private readonly items: Model<InboxItemDoc>, private readonly lists: InboxLists, private readonly feed: InboxFeed, private readonly clock: Clock) {}

  async send(message: OutgoingMessage): Promise<DeliveryResult> {
    const item: InboxItemDoc = {
      _id: message.deliveryId,
      userId: message.address,
      title: message.message.title,
      body: message.message.body,
      link: message.message.link,
      caseNumber: message.caseNumber,
      eventType: message.eventType,
      template: message.template,
      urgent: message.urgent,
      read: false,
      createdAt: this.clock.now(),
    };
    const result = await this.items.updateOne({ _id: item._id }, { $setOnInsert: item }, { upsert: true });
    const fresh = result.upsertedCount > 0;
    // a retried delivery files the item stored the first time (a crash may have come between the writes)
    const stored = fresh ? item : await this.items.findById(item._id).lean<InboxItemDoc>().exec();
    if (stored) await this.lists.file(stored);
    if (fresh) this.feed.published(item);
    return { ok: true, providerMessageId: item._id };
  }
}
