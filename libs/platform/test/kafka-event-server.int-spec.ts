// The Kafka transport consumes side by side but keeps each key's order: 240 events over 12 keys on one topic, a
// handler that takes a little time — every key's events arrive in the order they were published, different keys
// (also of one partition) are handled at the same time, and a redelivered event id is handled once. A key whose
// handler waits for a server that is away holds nobody else: later events of other keys are fetched and handled
// meanwhile (kafkajs fetches again only once every batch of a fetch is done), and the waiting key's come in order, once.
import { Controller, INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventPattern } from '@nestjs/microservices';
import { Kafka } from 'kafkajs';
import { callLoggedV1, EventEnvelope } from '@civicflow/contracts';
import { ConcurrentChangeError, createKafka, EventPublisher, HttpErrorFilter, KafkaEventServer, ProcessedEventStore } from '@civicflow/platform';
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

const away = { key: '', tries: 0 };
const handled: Array<{ key: string; seq: number }> = [];

@Controller()
class WaitingController {
  @EventPattern(callLoggedV1.type)
  async onCall(event: EventEnvelope) {
    if (event.key === away.key) {
      away.tries += 1;
      // what a handler waiting for a server sees (isTransientError): it waits, it is never dead-lettered
      throw new ConcurrentChangeError('the server this key needs is away');
    }
    handled.push({ key: event.key, seq: Number((event.data as { content: string }).content.split('#')[1]) });
  }
}

@Module({ controllers: [WaitingController] })
class WaitingModule {}

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

describe('the Kafka transport: a key waiting for a server holds no other key', () => {
  let kafka: Kafka;
  let app: INestApplication;
  let publisher: EventPublisher;

  beforeAll(async () => {
    kafka = createKafka(`test-${runId}-waiting`, env);
    publisher = new EventPublisher(kafka, 'test');
    app = await NestFactory.create(WaitingModule, { logger: false });
    app.useGlobalFilters(new HttpErrorFilter()); // the handler's own error reaches the transport, as in the services
    app.connectMicroservice({ strategy: new KafkaEventServer({
      kafka, groupId: `waiting-${runId}`, publisher, processed: new MemoryProcessed(), fromBeginning: false,
      retryBackoffMs: 20, transientBackoffMaxMs: 100, holdForTransientMs: 500,
    }) }, { inheritAppConfig: true });
    await app.startAllMicroservices();
  });

  afterAll(async () => {
    await app?.close();
    await publisher?.disconnect();
  });

  const events = (key: string, count: number) => Array.from({ length: count }, (_, i) => publisher.build(callLoggedV1, {
    key, correlationId: key,
    data: { callId: key, receivedAt: new Date().toISOString(), callerRef: 'h', callerMasked: '138****0000', content: `#${i}`, requestType: 'complaint', urgency: 'normal' },
  }));

  it('fetches and handles later events of other keys while one key waits; the waiting key then in order, every event once', async () => {
    away.key = `waiting-${runId}-away`;
    await publisher.publishAll(events(away.key, 3));
    await eventually(async () => (away.tries > 0 ? true : undefined), { what: 'the waiting key to be tried', timeoutMs: 60_000 });
    // published while the key waits: they come in a later fetch than the waiting key's batch
    const others = Array.from({ length: 6 }, (_, k) => `waiting-${runId}-${k}`);
    await publisher.publishAll(others.flatMap((key) => events(key, 5)));
    await eventually(async () => (handled.length >= 30 ? true : undefined), { what: "the other keys' 30 events, while one key waits", timeoutMs: 60_000 });
    expect(handled.filter((h) => h.key === away.key)).toEqual([]);

    const waitingKey = away.key;
    away.key = ''; // the server is back
    await eventually(async () => (handled.filter((h) => h.key === waitingKey).length >= 3 ? true : undefined), { what: 'the waiting key, once back', timeoutMs: 60_000 });
    await new Promise((r) => setTimeout(r, 500)); // anything more would be a duplicate
    expect(handled.filter((h) => h.key === waitingKey).map((h) => h.seq)).toEqual([0, 1, 2]);
    for (const key of others) expect(handled.filter((h) => h.key === key).map((h) => h.seq)).toEqual([0, 1, 2, 3, 4]);
    expect(handled).toHaveLength(33);
  });
});
