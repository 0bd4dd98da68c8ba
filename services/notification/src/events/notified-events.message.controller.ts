import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { EventEnvelope } from '@civicflow/contracts';
import { PlanDeliveriesUseCase } from '../deliveries/plan-deliveries/plan-deliveries.usecase';
import { DeliverySender } from '../deliveries/send-deliveries/delivery-sender';
import { NOTIFIED_EVENT_TYPES } from '../rules/notification-rules';

/**
 * Every event a notification rule names arrives here. The platform transport has already validated it and
 * skips event ids this consumer group handled; planning is idempotent besides (unique delivery keys).
 */
@Controller()
export class NotifiedEventsMessageController {
  constructor(private readonly plan: PlanDeliveriesUseCase, private readonly sender: DeliverySender) {}

  @EventPattern(NOTIFIED_EVENT_TYPES)
  async onEvent(@Payload() event: EventEnvelope): Promise<void> {
    const planned = await this.plan.execute(event);
    // The inbox is immediate. SMS, WeChat and email leave with the next poll instead, so a slow provider
    // never holds up this partition and its failures are retried per delivery, not per event.
    const inbox = planned.filter((d) => d.channel === 'inbox' && d.status === 'pending').map((d) => d.id);
    await this.sender.deliverAll(inbox);
  }
}
