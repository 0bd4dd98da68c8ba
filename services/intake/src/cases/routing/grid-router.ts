import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { EventData, GeoPoint, routeLocation } from '@civicflow/contracts';
import { CONFIG, EventPublisher, KAFKA, KafkaRequester } from '@civicflow/platform';
import { IntakeConfig } from '../../config';

export type RoutingAnswer = EventData<typeof routeLocation.reply>;

/** 定位派单: asks the grid service (Kafka request/reply) which grid, community and street own the place. */
@Injectable()
export class GridRouter implements OnApplicationShutdown {
  private readonly requester: KafkaRequester;

  constructor(@Inject(KAFKA) kafka: Kafka, publisher: EventPublisher, @Inject(CONFIG) private readonly config: IntakeConfig) {
    this.requester = new KafkaRequester(kafka, publisher, 'intake');
  }

  async locate(where: { point?: GeoPoint; address?: string }, correlationId: string): Promise<RoutingAnswer> {
    if (!where.point && !where.address) return { matched: false, reason: 'no-location' };
    return this.requester.request(
      routeLocation,
      { key: correlationId, correlationId, data: { point: where.point, address: where.address } },
      this.config.INTAKE_ROUTING_TIMEOUT_MS,
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.requester.close();
  }
}
