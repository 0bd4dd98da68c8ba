import { createHash } from 'node:crypto';
import { DeliveryResult, NotificationChannel, OutgoingMessage } from '../notification-channel';
import { LocalSink } from '../sink/local-sink';
import { AliyunSmsClient } from './aliyun-sms.client';

/** 短信: through Alibaba Cloud SMS when configured, otherwise into the local sink. */
export class SmsChannel implements NotificationChannel {
  readonly name = 'sms' as const;

  constructor(private readonly provider: { kind: 'sink'; sink: LocalSink } | { kind: 'aliyun'; client: AliyunSmsClient }) {}

  async send(message: OutgoingMessage): Promise<DeliveryResult> {
    if (this.provider.kind === 'sink') return this.provider.sink.record(message, message.message.sms);
    return this.provider.client.send({ phone: message.address, template: message.template, fields: message.message.fields, outId: outIdOf(message.deliveryId) });
  }
}

/** A short fixed-length id for the provider's receipts (delivery ids embed a 64-character citizen hash). */
export function outIdOf(deliveryId: string): string {
  return createHash('sha1').update(deliveryId).digest('hex');
}
