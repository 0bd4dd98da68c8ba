import { Locale, RecipientKind } from '../recipients/recipient';

export const CHANNEL_NAMES = ['inbox', 'sms', 'wechat', 'email'] as const;
export type ChannelName = (typeof CHANNEL_NAMES)[number];

/** Channels that wake people up: held during quiet hours unless the notice is urgent. The inbox never waits. */
export const QUIET_HOURS_CHANNELS: ReadonlySet<ChannelName> = new Set(['sms', 'wechat']);

/** The words of one message, rendered once when the delivery is planned so every retry sends the same text. */
export interface RenderedMessage {
  title: string;
  body: string;
  /** The SMS text (short, 【signature】 added by the provider). */
  sms: string;
  /**
   * Named values for providers whose templates are registered with them (Alibaba Cloud SMS template params,
   * WeChat template fields): caseNumber, category, unit, time, deadline, status.
   */
  fields: Record<string, string>;
  /** Where the message points the reader in the console, e.g. /cases/20261128-000042. */
  link?: string;
}

/** One message to one recipient on one channel, with the address the directory gave. */
export interface OutgoingMessage {
  deliveryId: string;
  channel: ChannelName;
  template: string;
  eventType: string;
  caseNumber?: string;
  recipient: { kind: RecipientKind; id: string };
  /** userId for the inbox, phone number for SMS, openid for WeChat, email address for email. */
  address: string;
  locale: Locale;
  urgent: boolean;
  message: RenderedMessage;
}

export type DeliveryResult =
  | { ok: true; providerMessageId?: string }
  /** `permanent`: retrying cannot help (rejected number, template not configured); the delivery fails at once. */
  | { ok: false; error: string; permanent?: boolean };

/** Every way of reaching people implements this; the sender knows nothing else about them. */
export interface NotificationChannel {
  readonly name: ChannelName;
  send(message: OutgoingMessage): Promise<DeliveryResult>;
}

export const NOTIFICATION_CHANNELS = Symbol('NOTIFICATION_CHANNELS');

/** The error text of anything a channel threw, never more than a line of it. */
export function describeError(error: unknown): string {
  const text = error instanceof Error ? error.message : typeof error === 'string' ? error : JSON.stringify(error);
  return (text ?? 'unknown error').slice(0, 500);
}
