import { EventEnvelope } from '@civicflow/contracts';
import { Bilingual } from '@civicflow/domain';
import { CaseFactsRecorder } from '../../cases/case-facts';
import { ChannelName, QUIET_HOURS_CHANNELS } from '../../channels/notification-channel';
import { Clock } from '../../clock/clock';
import { DisputeFactsRecorder } from '../../disputes/dispute-facts';
import { Locale, Recipient } from '../../recipients/recipient';
import { RecipientDirectory } from '../../recipients/recipient-directory';
import { RecipientResolver } from '../../recipients/recipient-resolver';
import { Notice } from '../../rules/notice';
import { ruleFor } from '../../rules/notification-rules';
import { renderMessage } from '../../templates/render-message';
import { Delivery, deliveryId, DeliveryStore } from '../delivery';
import { QuietHours, quietUntil } from '../quiet-hours';

export interface PlanDeliveriesOptions {
  cityUnitId: string;
  defaultLocale: Locale;
  quietHours?: QuietHours;
  /** channels that can send at all (email only with SMTP configured) */
  enabledChannels: ReadonlySet<ChannelName>;
}

const DEFAULT_CHANNELS: Record<Recipient['kind'], readonly ChannelName[]> = {
  citizen: ['sms', 'wechat'],
  user: ['inbox', 'email'],
};

/**
 * 通知编排: an event becomes deliveries. Its rule remembers what later notices need and says who is told
 * what; each recipient gets one delivery per channel they can be reached on, with the message rendered in
 * their language. Deliveries are keyed by event + recipient + channel, so a redelivered event adds nothing.
 */
export class PlanDeliveriesUseCase {
  constructor(
    private readonly recipients: RecipientResolver,
    private readonly directory: RecipientDirectory,
    private readonly cases: CaseFactsRecorder,
    private readonly disputes: DisputeFactsRecorder,
    private readonly store: DeliveryStore,
    private readonly clock: Clock,
    private readonly options: PlanDeliveriesOptions,
  ) {}

  /** Returns the deliveries this call created (none when the event was planned before). */
  async execute(event: EventEnvelope): Promise<Delivery[]> {
    const rule = ruleFor(event.type, event.version);
    if (!rule) return [];
    const now = this.clock.now();
    const context = { facts: this.cases, disputes: this.disputes, cityUnitId: this.options.cityUnitId, now, quietHours: this.options.quietHours };
    await rule.remember?.(event, context);
    const notices = await rule.notices(event, context);
    const planned: Delivery[] = [];
    for (const notice of notices) {
      const unitName = notice.facts.unitId ? await this.directory.unitName(notice.facts.unitId) : undefined;
      for (const recipient of await this.recipients.resolve(notice.audience)) {
        planned.push(...this.deliveriesFor(event, notice, recipient, unitName, now));
      }
    }
    return this.store.insertNew(planned);
  }

  private deliveriesFor(event: EventEnvelope, notice: Notice, recipient: Recipient, unitName: Bilingual | undefined, now: Date): Delivery[] {
    const locale = recipient.locale ?? this.options.defaultLocale;
    const message = renderMessage(notice.template, notice.facts, locale, { unitName });
    const urgent = notice.urgent ?? false;
    return this.channelsFor(notice, recipient).map((channel) => {
      const heldUntil = !urgent && QUIET_HOURS_CHANNELS.has(channel) ? quietUntil(now, this.options.quietHours) : undefined;
      return {
        id: deliveryId(event.id, recipient, channel),
        eventId: event.id,
        eventType: event.type,
        caseNumber: notice.facts.caseNumber,
        template: notice.template,
        channel,
        recipient: { kind: recipient.kind, id: recipient.id },
        locale,
        urgent,
        message,
        status: heldUntil ? 'held-for-quiet-hours' : 'pending',
        attempts: 0,
        nextAttemptAt: heldUntil ?? now,
        createdAt: now,
        updatedAt: now,
      };
    });
  }

  /**
   * The channels a recipient can be reached on. Users always have their inbox. A citizen nobody has an
   * address for still gets the first channel, so the delivery exists, is retried while the hotline may
   * still register the number, and shows up as failed if it never does.
   */
  private channelsFor(notice: Notice, recipient: Recipient): ChannelName[] {
    const wanted = (notice.channels ?? DEFAULT_CHANNELS[recipient.kind]).filter((c) => this.options.enabledChannels.has(c));
    const { phone, email, wechatOpenId } = recipient.contact;
    const reachable = wanted.filter((channel) => {
      if (channel === 'inbox') return recipient.kind === 'user';
      return Boolean({ sms: phone, wechat: wechatOpenId, email }[channel]);
    });
    if (reachable.length === 0 && recipient.kind === 'citizen' && wanted.length > 0) return [wanted[0]];
    return reachable;
  }
}
