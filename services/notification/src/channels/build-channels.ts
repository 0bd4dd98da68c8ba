import { Model } from 'mongoose';
import type { PiiProtector } from '@civicflow/platform';
import { createTransport } from 'nodemailer';
import { Clock } from '../clock/clock';
import { NotificationConfig } from '../config';
import { EmailChannel } from './email/email.channel';
import { InboxChannel } from './inbox/inbox.channel';
import { InboxFeed } from './inbox/inbox-feed';
import { InboxItemDoc } from './inbox/inbox-item.schema';
import { InboxLists } from './inbox/inbox-lists';
import { SinkLists } from './sink/sink-lists';
import { ChannelName, NotificationChannel } from './notification-channel';
import { LocalSink } from './sink/local-sink';
import { SinkMessageDoc } from './sink/sink-message.schema';
import { AliyunSmsClient } from './sms/aliyun-sms.client';
import { SmsChannel } from './sms/sms.channel';
import { WechatAccessToken } from './wechat/wechat-access-token';
import { WechatTemplateChannel } from './wechat/wechat.channel';

export interface ChannelDeps {
  config: NotificationConfig;
  clock: Clock;
  inboxItems: Model<InboxItemDoc>;
  inboxFeed: InboxFeed;
  inboxLists: InboxLists;
  sinkMessages: Model<SinkMessageDoc>;
  sinkLists: SinkLists;
  /** seals the addresses the local sink keeps */
  protector: PiiProtector;
}

/** The channels this instance can send on, from its configuration: local sinks unless a provider is set. */
export function buildChannels({ config, clock, inboxItems, inboxFeed, inboxLists, sinkMessages, sinkLists, protector }: ChannelDeps): Map<ChannelName, NotificationChannel> {
  const sink = new LocalSink(sinkMessages, sinkLists, clock, protector);
  const channels: NotificationChannel[] = [new InboxChannel(inboxItems, inboxLists, inboxFeed, clock)];

  channels.push(
    config.NOTIFICATION_SMS_PROVIDER === 'aliyun'
      ? new SmsChannel({
          kind: 'aliyun',
          client: new AliyunSmsClient({
            accessKeyId: config.ALIYUN_SMS_ACCESS_KEY_ID!,
            accessKeySecret: config.ALIYUN_SMS_ACCESS_KEY_SECRET!,
            signName: config.ALIYUN_SMS_SIGN_NAME!,
            endpoint: config.ALIYUN_SMS_ENDPOINT,
            templates: config.ALIYUN_SMS_TEMPLATES,
          }),
        })
      : new SmsChannel({ kind: 'sink', sink }),
  );

  channels.push(
    new WechatTemplateChannel(
      config.WECHAT_TEMPLATES,
      config.NOTIFICATION_WECHAT_PROVIDER === 'official'
        ? {
            kind: 'official',
            apiBase: config.WECHAT_API_BASE,
            token: new WechatAccessToken({ appId: config.WECHAT_APP_ID!, appSecret: config.WECHAT_APP_SECRET!, apiBase: config.WECHAT_API_BASE }, clock),
          }
        : { kind: 'sink', sink },
    ),
  );

  if (config.SMTP_URL) channels.push(new EmailChannel(createTransport(config.SMTP_URL), config.SMTP_FROM));

  return new Map(channels.map((c) => [c.name, c]));
}
