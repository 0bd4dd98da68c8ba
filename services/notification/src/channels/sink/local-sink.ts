import { Model } from 'mongoose';
import { Clock } from '../../clock/clock';
import { DeliveryResult, OutgoingMessage } from '../notification-channel';
import { SinkMessageDoc } from './sink-message.schema';

/** Stores the message a provider would have received, instead of sending it. */
export class LocalSink {
  constructor(private readonly messages: Model<SinkMessageDoc>, private readonly clock: Clock) {}

  async record(message: OutgoingMessage, text: string, payload?: unknown): Promise<DeliveryResult> {
    const doc: SinkMessageDoc = {
      _id: message.deliveryId,
      channel: message.channel,
      to: message.address,
      caseNumber: message.caseNumber,
      template: message.template,
      text,
      payload,
      at: this.clock.now(),
    };
    await this.messages.updateOne({ _id: doc._id }, { $setOnInsert: doc }, { upsert: true });
    return { ok: true, providerMessageId: `sink:${doc._id}` };
  }
}
