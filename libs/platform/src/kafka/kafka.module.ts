import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Kafka, logLevel } from 'kafkajs';
import { CONFIG } from '../config/config.module';
import { InfraConfig, kafkaBrokerList } from '../config/config';
import { EventPublisher } from './event-publisher';
import { ensureTopics } from './topics';
import { fixKafkajsIdleLoop } from './kafkajs-idle-fix';

export const KAFKA = Symbol('KAFKA');

/**
 * One Kafka client per process. Connection retries span a broker restart (up to ~5 minutes with 5 s between
 * attempts): the idempotent producer then resends with its own sequence numbers and a crash of the broker leaves
 * no duplicate and no gap per key (libs/platform/test/producer-broker-crash.int-spec.ts). A longer outage
 * surfaces as an error to the caller, who retries with the same event id (consumers dedupe by it).
 */
export function createKafka(clientId: string, config: Pick<InfraConfig, 'KAFKA_BROKERS'>): Kafka {
  fixKafkajsIdleLoop();
  return new Kafka({ clientId, brokers: kafkaBrokerList(config), logLevel: logLevel.WARN, retry: { retries: 60, maxRetryTime: 5_000 } });
}

@Injectable()
class KafkaLifecycle implements OnModuleInit, OnApplicationShutdown {
  constructor(@Inject(KAFKA) private readonly kafka: Kafka, private readonly publisher: EventPublisher) {}
  async onModuleInit() {
    await ensureTopics(this.kafka);
    await this.publisher.connect();
  }
  async onApplicationShutdown() {
    await this.publisher.disconnect();
  }
}

/** Kafka client and the event publisher for one service (clientId = service name). */
@Global()
@Module({})
export class KafkaModule {
  static forService(service: string): DynamicModule {
    return {
      module: KafkaModule,
      providers: [
        { provide: KAFKA, inject: [CONFIG], useFactory: (config: InfraConfig) => createKafka(service, config) },
        { provide: EventPublisher, inject: [KAFKA], useFactory: (kafka: Kafka) => new EventPublisher(kafka, service) },
        KafkaLifecycle,
      ],
      exports: [KAFKA, EventPublisher],
    };
  }
}
