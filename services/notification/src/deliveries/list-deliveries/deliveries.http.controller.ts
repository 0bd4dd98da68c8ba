import { ConflictException, Controller, Get, HttpCode, Inject, NotFoundException, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { caseNumberSchema } from '@civicflow/contracts';
import { AuthUser, CurrentUser, isWithinJurisdiction, Roles } from '@civicflow/platform';
import { CASE_FACTS, CaseFactsReader } from '../../cases/case-facts';
import { CLOCK, Clock } from '../../clock/clock';
import { Delivery, DELIVERY_STATUSES, DELIVERY_STORE, DeliveryStore } from '../delivery';
import { DeliveryQueue } from '../send-deliveries/delivery-queue';

class DeliveriesQuery extends createZodDto(z.object({ caseNumber: caseNumberSchema, status: z.enum(DELIVERY_STATUSES).optional() })) {}

export function toDeliveryView(d: Delivery) {
  return {
    id: d.id,
    eventId: d.eventId,
    eventType: d.eventType,
    caseNumber: d.caseNumber,
    template: d.template,
    channel: d.channel,
    recipient: d.recipient,
    locale: d.locale,
    urgent: d.urgent,
    status: d.status,
    attempts: d.attempts,
    lastError: d.lastError,
    title: d.message.title,
    createdAt: new Date(d.createdAt).toISOString(),
    updatedAt: new Date(d.updatedAt).toISOString(),
    nextAttemptAt: d.nextAttemptAt && (d.status === 'pending' || d.status === 'held-for-quiet-hours') ? new Date(d.nextAttemptAt).toISOString() : undefined,
    sentAt: d.sentAt && new Date(d.sentAt).toISOString(),
    failedAt: d.failedAt && new Date(d.failedAt).toISOString(),
  };
}

/** 通知记录: every message sent (or not) about a case, per recipient and channel, for supervisors and admins. */
@ApiTags('notifications 通知')
@ApiBearerAuth()
@Controller('api/v1/notifications')
export class DeliveriesHttpController {
  constructor(
    @Inject(DELIVERY_STORE) private readonly store: DeliveryStore,
    @Inject(CASE_FACTS) private readonly cases: CaseFactsReader,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly queue: DeliveryQueue,
  ) {}

  @Get()
  @Roles('supervisor', 'admin')
  async list(@Query() query: DeliveriesQuery, @CurrentUser() user: AuthUser) {
    // a supervisor of a district sees only its cases (others look like cases with no deliveries, so nothing is probed)
    if (!(await mayReadCase(this.cases, user, query.caseNumber))) return { caseNumber: query.caseNumber, deliveries: [] };
    const deliveries = (await this.store.listByCase(query.caseNumber, 500)).filter((d) => !query.status || d.status === query.status);
    return { caseNumber: query.caseNumber, deliveries: deliveries.map(toDeliveryView) };
  }

  /** 重新发送: a failed delivery goes back to the queue with fresh attempts, once its cause is fixed. */
  @Post(':deliveryId/retry')
  @Roles('admin')
  @HttpCode(200)
  async retry(@Param('deliveryId') deliveryId: string) {
    const existing = await this.store.get(deliveryId);
    if (!existing) throw new NotFoundException({ message: `通知 ${deliveryId} 不存在 delivery not found` });
    const requeued = await this.store.requeue(deliveryId, this.clock.now());
    if (!requeued) throw new ConflictException({ message: `只能重发失败的通知 only failed deliveries can be retried`, reason: `status is ${existing.status}` });
    void this.queue.send([deliveryId]);
    return toDeliveryView(requeued);
  }
}

/** Admins see every case's messages; others those of cases in their jurisdiction (cases not yet placed belong to the whole city). */
export async function mayReadCase(cases: CaseFactsReader, user: AuthUser, caseNumber: string): Promise<boolean> {
  if (user.role === 'admin') return true;
  const facts = await cases.get(caseNumber);
  return !facts?.orgPath?.length || isWithinJurisdiction(user, facts.orgPath);
}
