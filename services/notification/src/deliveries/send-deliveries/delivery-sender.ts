import { Logger } from '@nestjs/common';
import { ChannelName, DeliveryResult, describeError, NotificationChannel, QUIET_HOURS_CHANNELS } from '../../channels/notification-channel';
import { Clock } from '../../clock/clock';
import { RecipientResolver } from '../../recipients/recipient-resolver';
import { Delivery, DeliveryStore } from '../delivery';
import { QuietHours, quietUntil } from '../quiet-hours';
import { nextAttemptAt, RetryPolicy } from '../retry-policy';
import { ContactWaits } from './contact-waits';

export interface DeliverySenderOptions {
  retry: RetryPolicy;
  quietHours?: QuietHours;
  /** how long a claimed delivery is reserved for the instance sending it */
  leaseMs?: number;
  /** where a citizen's delivery without an address waits to be woken by the directory write that brings one */
  contactWaits?: ContactWaits;
}

const ADDRESS_NAMES: Record<ChannelName, string> = { inbox: 'inbox', sms: 'phone number', wechat: 'WeChat openid', email: 'email address' };

/** What one attempt left: when to look again, or the delivery in its final status if its outcome is unannounced. */
export interface DeliveryStep {
  again?: Date;
  settled?: Delivery;
}

/**
 * Sends due deliveries through their channels and records what happened: sent; tried again later with a
 * growing wait; failed when attempts run out or the channel says retrying cannot help; held until morning
 * when a non-urgent SMS or WeChat message falls due in quiet hours (a retry can fall due at night too).
 */
export class DeliverySender {
  private readonly logger = new Logger(DeliverySender.name);

  constructor(
    private readonly store: DeliveryStore,
    private readonly channels: ReadonlyMap<ChannelName, NotificationChannel>,
    private readonly recipients: RecipientResolver,
    private readonly clock: Clock,
    private readonly options: DeliverySenderOptions,
  ) {}

  /**
   * One attempt at one delivery, if it is due and no other instance holds it. Never throws for a channel's failure.
   * Says when to look at it again (a retry, the end of quiet hours, another instance's lease running out) and hands
   * back a delivery that reached its final status with the outcome still to announce.
   */
  async deliver(id: string): Promise<DeliveryStep> {
    const now = this.clock.now();
    const delivery = await this.store.claim(id, now, new Date(now.getTime() + (this.options.leaseMs ?? 60_000)));
    if (!delivery) return this.notClaimed(id, now);
    const heldUntil = !delivery.urgent && QUIET_HOURS_CHANNELS.has(delivery.channel) ? quietUntil(now, this.options.quietHours) : undefined;
    if (heldUntil) {
      await this.store.markHeld(id, now, heldUntil);
      return { again: heldUntil };
    }
    const { waited, ...result } = await this.attempt(delivery);
    const attempts = delivery.attempts + 1;
    const after = this.clock.now();
    // settled: off the citizen's waiting list, if it may be on it (this attempt or an earlier one found no address)
    const settle = () => (waited || delivery.attempts > 0 ? this.forgetWait(delivery) : undefined);
    if (result.ok) {
      await this.store.markSent(id, after, attempts, result.providerMessageId);
      await settle();
      return { settled: { ...delivery, status: 'sent', attempts, sentAt: after, updatedAt: after, outcomePending: true, nextAttemptAt: undefined, providerMessageId: result.providerMessageId } };
    }
    const retryAt = result.permanent ? undefined : nextAttemptAt(this.options.retry, attempts, after);
    if (retryAt) {
      await this.store.markRetry(id, after, attempts, result.error, retryAt);
      return { again: retryAt };
    }
    this.logger.warn(`通知发送失败 delivery ${id} failed after ${attempts} attempt(s): ${result.error}`);
    await this.store.markFailed(id, after, attempts, result.error);
    await settle();
    return { settled: { ...delivery, status: 'failed', attempts, lastError: result.error, failedAt: after, updatedAt: after, outcomePending: true, nextAttemptAt: undefined } };
  }

  /** Not ours to send now: not due yet, held by another instance (until its lease ends), or finished. */
  private async notClaimed(id: string, now: Date): Promise<DeliveryStep> {
    const found = await this.store.get(id);
    if (!found) return {};
    if (found.status === 'pending' || found.status === 'held-for-quiet-hours') {
      return found.nextAttemptAt && found.nextAttemptAt > now ? { again: found.nextAttemptAt } : {};
    }
    return found.outcomePending ? { settled: found } : {};
  }

  /**
   * A citizen without an address: the delivery waits for their contact (the hotline registers it beside the call),
   * then the directory is read once more — a contact written between the first read and the wait is not missed.
   */
  private async waitForContact(delivery: Delivery): Promise<string | undefined> {
    const waits = this.options.contactWaits;
    if (!waits || delivery.recipient.kind !== 'citizen' || delivery.channel === 'inbox') return undefined;
    await waits.add(await this.recipients.canonicalCitizenRef(delivery.recipient.id), delivery.id);
    return this.recipients.addressFor(delivery.recipient, delivery.channel);
  }

  private async forgetWait(delivery: Delivery): Promise<void> {
    const waits = this.options.contactWaits;
    if (!waits || delivery.recipient.kind !== 'citizen' || delivery.channel === 'inbox') return;
    await waits.forget(await this.recipients.canonicalCitizenRef(delivery.recipient.id), delivery.id);
  }

  /** The channel's answer, and whether the delivery found no address at first (it may be on a waiting list). */
  private async attempt(delivery: Delivery): Promise<DeliveryResult & { waited: boolean }> {
    const channel = this.channels.get(delivery.channel);
    if (!channel) return { ok: false, error: `channel ${delivery.channel} is not configured`, permanent: true, waited: false };
    let waited = false;
    try {
      let address = await this.recipients.addressFor(delivery.recipient, delivery.channel);
      if (!address) {
        waited = true;
        address = await this.waitForContact(delivery);
      }
      // not permanent: the hotline or identity may register the address before the next attempt
      if (!address) return { ok: false, error: `no ${ADDRESS_NAMES[delivery.channel]} on file for ${delivery.recipient.kind} ${delivery.recipient.id}`, waited };
      const sent = await channel.send({
        deliveryId: delivery.id,
        channel: delivery.channel,
        template: delivery.template,
        eventType: delivery.eventType,
        caseNumber: delivery.caseNumber,
        recipient: delivery.recipient,
        address,
        locale: delivery.locale,
        urgent: delivery.urgent,
        message: delivery.message,
      });
      return { ...sent, waited };
    } catch (error) {
      return { ok: false, error: describeError(error), waited };
    }
  }
}
