import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@civicflow/contracts';

/** A case's view moved (or was confirmed by a redelivery): the event and the case it was projected into. */
export interface CaseViewChanged {
  caseNumber: string;
  event: EventEnvelope;
}

export type CaseViewSubscriber = (change: CaseViewChanged) => Promise<void>;

/**
 * Who else follows the case events through intake's view (Open311's updates and webhooks), called after each event
 * is projected and awaited by the same Kafka handler: a subscriber that fails makes the event be retried (and
 * dead-lettered at last), so subscribers must be idempotent, like the projection.
 */
@Injectable()
export class CaseViewSubscribers {
  private readonly subscribers: CaseViewSubscriber[] = [];

  subscribe(subscriber: CaseViewSubscriber): void {
    this.subscribers.push(subscriber);
  }

  async notify(change: CaseViewChanged): Promise<void> {
    for (const subscriber of this.subscribers) await subscriber(change);
  }
}
