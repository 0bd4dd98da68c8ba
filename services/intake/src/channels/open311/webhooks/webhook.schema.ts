import { Schema } from 'mongoose';

/** A client app's webhook: where its requests' status changes are POSTed, signed with the secret. */
export interface Webhook {
  id: string;
  url: string;
  secret: string;
  createdAt: Date;
}

/** open311_webhooks: `_id` = the app's name; an update reads its app's webhooks by `_id`. */
export interface WebhooksDoc {
  _id: string;
  hooks: Webhook[];
}

/** open311_webhook_deliveries: `_id` = `<webhook id>:<update_id>`, one per update and webhook until it is delivered or dead. */
export interface WebhookDeliveryDoc {
  _id: string;
  app: string;
  webhookId: string;
  url: string;
  /** the JSON body, as signed */
  body: string;
  attempts: number;
  nextAttemptAt: Date;
  lastError?: string;
  createdAt: Date;
}

/** A delivery that failed every attempt, kept for the app to read (open311_webhook_dead_letters, `_id` = app). */
export interface DeadLetter {
  delivery_id: string;
  webhook_id: string;
  url: string;
  attempts: number;
  last_error: string;
  failed_datetime: string;
  /** the update the delivery carried */
  payload: unknown;
}

export interface DeadLettersDoc {
  _id: string;
  letters: DeadLetter[];
}

/** open311_webhook_pending: one document (`_id` "pending") listing deliveries not yet done, read at start to resume them. */
export interface PendingDeliveriesDoc {
  _id: string;
  ids: string[];
}

export const WEBHOOKS_MODEL = 'Open311Webhooks';
export const WEBHOOK_DELIVERY_MODEL = 'Open311WebhookDelivery';
export const DEAD_LETTERS_MODEL = 'Open311WebhookDeadLetters';
export const PENDING_DELIVERIES_MODEL = 'Open311WebhookPending';

const mixed = { type: Schema.Types.Mixed, default: [] };
// every one read and written by _id only
export const webhooksSchema = new Schema<WebhooksDoc>({ _id: { type: String, required: true }, hooks: mixed }, { collection: 'open311_webhooks', versionKey: false });
export const webhookDeliverySchema = new Schema<WebhookDeliveryDoc>(
  {
    _id: { type: String, required: true }, app: String, webhookId: String, url: String, body: String, attempts: Number, nextAttemptAt: Date, lastError: String, createdAt: Date,
  },
  { collection: 'open311_webhook_deliveries', versionKey: false },
);
export const deadLettersSchema = new Schema<DeadLettersDoc>({ _id: { type: String, required: true }, letters: mixed }, { collection: 'open311_webhook_dead_letters', versionKey: false });
export const pendingDeliveriesSchema = new Schema<PendingDeliveriesDoc>(
  { _id: { type: String, required: true }, ids: { type: [String], default: [] } },
  { collection: 'open311_webhook_pending', versionKey: false },
);
