import { Model } from 'mongoose';
import type { PiiKind, PiiProtector } from '@civicflow/platform';
import { Clock } from '../../clock/clock';
import { ChannelName, DeliveryResult, OutgoingMessage } from '../notification-channel';
import { SinkMessageDoc } from './sink-message.schema';
import { SinkLists } from './sink-lists';

/** What kind of address each channel sends to. */
const ADDRESS_KINDS: Partial<Record<ChannelName, PiiKind>> = { sms: 'phone', wechat: 'openId', email: 'email' };

/**
 * Stores the message a provider would have received, instead of sending it. The address is kept sealed and
 * masked like the directory's (a development sink is still a database others can read), also inside the
 * provider's request body.
 */
export class LocalSink {
  constructor(private readonly messages: Model<SinkMessageDoc>, private readonly lists: SinkLists, private readonly clock: Clock, private readonly protector: PiiProtector) {}

  async record(message: OutgoingMessage, text: string, payload?: object): Promise<DeliveryResult> {
    const kind = ADDRESS_KINDS[message.channel] ?? 'openId';
    const { encrypted, masked } = this.protector.seal(kind, message.address);
    const doc: SinkMessageDoc = {
      _id: message.deliveryId,
      channel: message.channel,
      to: masked,
      toSealed: encrypted,
      caseNumber: message.caseNumber,
      template: message.template,
      text,
      // a WeChat request names its recipient in `touser`
      payload: payload && 'touser' in payload ? { ...payload, touser: masked } : payload,
      at: this.clock.now(),
    };
    const result = await this.messages.updateOne({ _id: doc._id }, { $setOnInsert: doc }, { upsert: true });
    // listed under its case as first stored (a retry may come after a crash between the writes)
    const stored = result.upsertedCount > 0 ? doc : await this.messages.findById(doc._id).lean<SinkMessageDoc>().exec();
    if (stored) await this.lists.file(stored);
    return { ok: true, providerMessageId: `sink:${doc._id}` };
  }
}
