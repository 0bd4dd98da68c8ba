import { Logger } from '@nestjs/common';
import { EventContract, EventEnvelope, findContract } from '@civicflow/contracts';
import { EventDraft, InvalidEventError } from '@civicflow/platform';
import { Delivery, DeliveryStore } from '../delivery';

/** What the publisher needs of the platform's EventPublisher. */
export interface OutcomeEvents {
  build(contract: EventContract, draft: EventDraft<EventContract>): EventEnvelope;
  publishAll(events: EventEnvelope[]): Promise<void>;
}

export const DELIVERED_TYPE = 'notification.delivered';
export const FAILED_TYPE = 'notification.failed';

/**
 * Announces final delivery statuses as notification.delivered / notification.failed. The status and an
 * `outcomePending` flag are written in one document update; right after it, the delivery queue hands the delivery
 * here, which sends its event and clears the flag (an outbox: if the process stops between the two, the due list
 * brings the delivery back and the outcome is announced then). Until the contracts are in the event catalog,
 * outcomes simply wait.
 */
export class DeliveryOutcomePublisher {
  private readonly logger = new Logger(DeliveryOutcomePublisher.name);
  private warnedUnregistered = false;

  constructor(
    private readonly store: DeliveryStore,
    private readonly publisher: OutcomeEvents,
    private readonly contracts: (type: string, version: number) => EventContract | undefined = findContract,
  ) {}

  /** Sends the outcomes of the given deliveries that are final and unannounced, in one batch; returns how many. */
  async publish(deliveries: readonly Delivery[]): Promise<number> {
    const delivered = this.contracts(DELIVERED_TYPE, 1);
    const failed = this.contracts(FAILED_TYPE, 1);
    if (!delivered || !failed) {
      if (!this.warnedUnregistered) this.logger.warn(`${DELIVERED_TYPE}/${FAILED_TYPE} are not in the event catalog yet; outcomes are kept until they are`);
      this.warnedUnregistered = true;
      return 0;
    }
    const outcomes = deliveries.filter((d) => d.outcomePending && (d.status === 'sent' || d.status === 'failed'));
    const built: { delivery: Delivery; event: EventEnvelope }[] = [];
    for (const delivery of outcomes) {
      try {
        built.push({ delivery, event: this.build(delivery, delivery.status === 'sent' ? delivered : failed) });
      } catch (error) {
        if (!(error instanceof InvalidEventError)) throw error;
        // a delivery the contract cannot describe must not come back forever: log it and let it go
        this.logger.error(`delivery ${delivery.id} outcome not publishable: ${error.reason}`);
        await this.store.outcomePublished(delivery.id);
      }
    }
    if (built.length === 0) return 0;
    await this.publisher.publishAll(built.map((b) => b.event));
    for (const { delivery } of built) await this.store.outcomePublished(delivery.id);
    return built.length;
  }

  private build(delivery: Delivery, contract: EventContract): EventEnvelope {
    const at = (delivery.status === 'sent' ? delivery.sentAt : delivery.failedAt) ?? delivery.updatedAt;
    return this.publisher.build(contract, {
      // one event per final status reached; a re-queued delivery that fails again is a new fact
      id: `${delivery.id}:${delivery.status}:${new Date(at).getTime()}`,
      key: delivery.caseNumber ?? delivery.eventId,
      correlationId: delivery.caseNumber ?? delivery.eventId,
      causationId: delivery.eventId,
      data: {
        deliveryId: delivery.id,
        eventType: delivery.eventType,
        caseNumber: delivery.caseNumber,
        template: delivery.template,
        channel: delivery.channel,
        recipient: delivery.recipient,
        attempts: delivery.attempts,
        at: new Date(at).toISOString(),
        ...(delivery.status === 'failed' ? { error: (delivery.lastError ?? 'unknown error').slice(0, 500) } : {}),
      },
    });
  }
}
