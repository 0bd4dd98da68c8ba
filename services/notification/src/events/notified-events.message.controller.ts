import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { EventEnvelope } from '@civicflow/contracts';
import { PlanDeliveriesUseCase } from '../deliveries/plan-deliveries/plan-deliveries.usecase';
import { DeliveryQueue } from '../deliveries/send-deliveries/delivery-queue';
import { NOTIFIED_EVENT_TYPES } from '../rules/notification-rules';

/**
 * Every event a notification rule names arrives here. The platform transport has already validated it and
 * skips event ids this consumer group handled; planning is idempotent besides (unique delivery keys).
 */
@Controller()
export class NotifiedEventsMessageController {
  constructor(private readonly plan: PlanDeliveriesUseCase, private readonly queue: DeliveryQueue) {}

  @EventPattern(NOTIFIED_EVENT_TYPES)
  async onEvent(@Payload() event: EventEnvelope): Promise<void> {
    const planned = (await this.plan.execute(event)).filter((d) => d.status === 'pending');
    // The inbox before this handler returns; SMS, WeChat and email beside it, so a slow provider never holds up
    // this partition and its failures are retried per delivery, not per event.
    void this.queue.send(planned.filter((d) => d.channel !== 'inbox').map((d) => d.id));
    await this.queue.send(planned.filter((d) => d.channel === 'inbox').map((d) => d.id));
  }
}
