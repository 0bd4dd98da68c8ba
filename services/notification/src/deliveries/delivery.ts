import { ChannelName, RenderedMessage } from '../channels/notification-channel';
import { Locale, RecipientKind } from '../recipients/recipient';

/**
 * pending: due now or waiting for its next attempt; held-for-quiet-hours: waits for the morning;
 * sent: the channel accepted it; failed: no attempts left, or one that cannot succeed.
 */
export const DELIVERY_STATUSES = ['pending', 'held-for-quiet-hours', 'sent', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** One message to one recipient on one channel, caused by one event. */
export interface Delivery {
  /** `${eventId}|${recipientKind}:${recipientId}|${channel}`: the idempotency key of the delivery */
  id: string;
  eventId: string;
  eventType: string;
  caseNumber?: string;
  template: string;
  channel: ChannelName;
  recipient: { kind: RecipientKind; id: string };
  locale: Locale;
  urgent: boolean;
  message: RenderedMessage;
  status: DeliveryStatus;
  attempts: number;
  /** when the sender should next look at it (pending: next attempt; held: end of quiet hours) */
  nextAttemptAt?: Date;
  lastError?: string;
  providerMessageId?: string;
  createdAt: Date;
  updatedAt: Date;
  sentAt?: Date;
  failedAt?: Date;
  /** set while a final status (sent/failed) has not been announced on Kafka yet */
  outcomePending?: boolean;
}

export function deliveryId(eventId: string, recipient: { kind: RecipientKind; id: string }, channel: ChannelName): string {
  return `${eventId}|${recipient.kind}:${recipient.id}|${channel}`;
}

/**
 * Persistence of deliveries; every change is a single-document write (FerretDB has no transactions). A delivery
 * that will need sending (new, or re-queued) is remembered in the due list before it is written, so no process
 * ever has to search the collection for due deliveries.
 */
export interface DeliveryStore {
  /** Inserts the deliveries whose id is new and returns those; existing ones are left untouched. */
  insertNew(deliveries: Delivery[]): Promise<Delivery[]>;
  get(id: string): Promise<Delivery | undefined>;
  /**
   * Takes a due delivery (pending or held, due by `now`) for sending, atomically: its next attempt moves to
   * `leaseUntil`, so another instance will not send it meanwhile and a crash mid-send only delays it.
   */
  claim(id: string, now: Date, leaseUntil: Date): Promise<Delivery | undefined>;
  markSent(id: string, at: Date, attempts: number, providerMessageId?: string): Promise<void>;
  markRetry(id: string, at: Date, attempts: number, error: string, nextAttemptAt: Date): Promise<void>;
  markHeld(id: string, at: Date, until: Date): Promise<void>;
  markFailed(id: string, at: Date, attempts: number, error: string): Promise<void>;
  /** A pending delivery waiting for its next attempt is due at `now` (what it waited for has come); false if it is not waiting. */
  dueNow(id: string, now: Date): Promise<boolean>;
  /** A failed delivery goes back to pending with fresh attempts (an administrator fixed the cause). */
  requeue(id: string, at: Date): Promise<Delivery | undefined>;
  listByCase(caseNumber: string, limit: number): Promise<Delivery[]>;
  outcomePublished(id: string): Promise<void>;
  /**
   * Every delivery not finished (waiting to be sent, or its outcome not yet announced) and when to look at it: a
   * scan of the collection, run once per database to fill the due list (send-deliveries/delivery-queue.ts).
   */
  unfinished(now: Date): Promise<Array<{ id: string; dueAt: Date }>>;
}

export const DELIVERY_STORE = Symbol('DELIVERY_STORE');
