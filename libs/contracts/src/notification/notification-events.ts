import { z } from 'zod';
import { defineEvent } from '../catalog/define-event';
import { caseNumberSchema } from '../shared/value-schemas';

/** One message to one recipient on one channel, as the notification service tracks it. */
const deliveryOutcomeSchema = z.object({
  deliveryId: z.string().min(1).describe('event id | recipient | channel: the delivery idempotency key'),
  eventType: z.string().min(1).describe('the event that caused the message; its id is the causationId'),
  caseNumber: caseNumberSchema.optional(),
  template: z.string().min(1),
  channel: z.enum(['inbox', 'sms', 'wechat', 'email']),
  recipient: z.object({
    kind: z.enum(['user', 'citizen']),
    id: z.string().min(1).describe('user id, or the citizen reference (keyed hash); never a phone number'),
  }),
  attempts: z.number().int().nonnegative(),
  at: z.iso.datetime({ offset: true }),
});

/** 通知已送达 — a channel accepted the message (for SMS: the provider took it; the handset receipt is not tracked). */
export const notificationDeliveredV1 = defineEvent({
  type: 'notification.delivered',
  version: 1,
  description: '通知已送达 — a channel (inbox, SMS, WeChat, email) accepted one message for one recipient',
  schema: deliveryOutcomeSchema,
});

/** 通知发送失败 — no attempts left, or the channel refused for good; the hotline may need to phone the citizen. */
export const notificationFailedV1 = defineEvent({
  type: 'notification.failed',
  version: 1,
  description: '通知发送失败 — a message could not be delivered after bounded retries (or was refused for good)',
  schema: deliveryOutcomeSchema.extend({ error: z.string().min(1).max(500) }),
});
