import { Model } from 'mongoose';
import { Clock } from '../../clock/clock';
import { DeliveryResult, NotificationChannel, OutgoingMessage } from '../notification-channel';
import { InboxFeed } from './inbox-feed';
import { InboxItemDoc } from './inbox-item.schema';

/** 站内信: the message lands in the user's inbox (Mongo) and on their open streams. */
export class InboxChannel implements NotificationChannel {
  readonly name = 'inbox' as const;

  constructor(private readonly items: Model<InboxItemDoc>, private readonly feed: InboxFeed, private readonly clock: Clock) {}

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
    if (result.upsertedCount > 0) this.feed.published(item);
    return { ok: true, providerMessageId: item._id };
  }
}
