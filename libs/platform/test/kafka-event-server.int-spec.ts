// The Kafka transport consumes side by side but keeps each key's order: 240 events over 12 keys on one topic, a
// handler that takes a little time — every key's events arrive in the order they were published, different keys
// (also of one partition) are handled at the same time, and a redelivered event id is handled once.
import { Controller, INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventPattern } from '@nestjs/microservices';
import { Kafka } from 'kafkajs';
import { callLoggedV1, EventEnvelope } from '@civicflow/contracts';
import { createKafka, EventPublisher, HttpErrorFilter, KafkaEventServer, ProcessedEventStore } from '@civicflow/platform';
import { eventually, integrationConfig, uniqueId } from '@civicflow/testing';

const runId = uniqueId();
const env = integrationConfig();
const seen: Array<{ key: string; seq: number }> = [];
let active = 0;
let peak = 0;

@Controller()
class SlowController {
  @EventPattern(callLoggedV1.type)
  async onCall(event: EventEnvelope) {
    active += 1;
    peak = Math.max(peak, active);
    await new Promise((r) => setTimeout(r, 15));
    seen.push({ key: event.key, seq: Number((event.data as { content: string }).content.split('#')[1]) });
    active -= 1;
  }
}

@Module({ controllers: [SlowController] })
class SlowModule {}

/** In memory, like the Mongo store: an event id handled once per group. */
class MemoryProcessed implements ProcessedEventStore {
  private readonly ids = new Set<string>();
  async has(group: string, id: string) {
    return this.ids.has(`${group}:${id}`);
  }
  async mark(group: string, id: string) {
    this.ids.add(`${group}:${id}`);
  }
}

describe('the Kafka transport: side by side, each key in order', () => {
  let kafka: Kafka;
  let app: INestApplication;
  let publisher: EventPublisher;

  beforeAll(async () => {
    kafka = createKafka(`test-${runId}`, env);
    publisher = new EventPublisher(kafka, 'test');
    app = await NestFactory.create(SlowModule, { logger: false });
    app.useGlobalFilters(new HttpErrorFilter());
    app.connectMicroservice({ strategy: new KafkaEventServer({ kafka, groupId: `order-${runId}`, publisher, processed: new MemoryProcessed(), fromBeginning: false }) }, { inheritAppConfig: true });
    await app.startAllMicroservices();
  });

  afterAll(async () => {
    await app?.close();
    await publisher?.disconnect();
  });

  it('keeps every key in order while handling keys at the same time; a redelivered id once', async () => {
    const keys = Array.from({ length: 12 }, (_, k) => `order-${runId}-${k}`);
    const events = Array.from({ length: 240 }, (_, i) => {
      const key = keys[i % keys.length];
      return publisher.build(callLoggedV1, {
        key, correlationId: key,
        data: { callId: key, receivedAt: new Date().toISOString(), callerRef: 'h', callerMasked: '138****0000', content: `#${Math.floor(i / keys.length)}`, requestType: 'complaint', urgency: 'normal' },
      });
    });
    await publisher.publishAll([...events, events[5], events[17]]); // two published twice: same ids
    await eventually(async () => (seen.length >= 240 ? seen : undefined), { what: '240 events handled', timeoutMs: 60_000 });
    await new Promise((r) => setTimeout(r, 500)); // anything more would be a duplicate
    expect(seen).toHaveLength(240);
    for (const key of keys) {
      expect(seen.filter((s) => s.key === key).map((s) => s.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    }
    // the topic has 3 partitions: more than 3 at once means keys of one partition ran side by side
    expect(peak).toBeGreaterThan(3);
  });
});
