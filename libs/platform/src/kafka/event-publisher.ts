import { Kafka, Message, Partitioners, Producer } from 'kafkajs';
import { EventContract, EventEnvelope, findContract } from '@civicflow/contracts';
import { buildEvent, EventDraft, InvalidEventError } from './build-event';

export function toKafkaMessage(event: EventEnvelope): Message {
  return {
    key: event.key,
    value: JSON.stringify(event),
    headers: { 'event-type': event.type, 'event-id': event.id, ...(event.traceparent ? { traceparent: event.traceparent } : {}) },
  };
}

/**
 * The one way services produce events: idempotent producer, acks from all replicas,
 * envelopes validated against the catalog, and one batched request per call (never one await per message).
 */
export class EventPublisher {
  private readonly producer: Producer;
  private connected?: Promise<void>;

  constructor(kafka: Kafka, private readonly source: string) {
    // kafkajs keeps the idempotent producer's exactly-once-per-partition promise only with unlimited retries (a
    // retry limit inherited from the client voids it, and kafkajs says so at start): a send waits out a broker
    // restart instead of failing half-way. Callers that must not wait (HTTP) write to an outbox first.
    // The partitioner named, not left to the default: the one kafkajs 2 uses by default (murmur2, as Java clients), so
    // a key keeps its partition, and no process (service, worker, `npm run dlt`, the bench) prints kafkajs's warning
    // that the default changed in 2.0.
    this.producer = kafka.producer({
      idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false, retry: { retries: Number.MAX_SAFE_INTEGER, maxRetryTime: 5_000 },
      createPartitioner: Partitioners.DefaultPartitioner,
    });
  }

  connect(): Promise<void> {
    this.connected ??= this.producer.connect();
    return this.connected;
  }

  async disconnect(): Promise<void> {
    if (this.connected) await this.producer.disconnect();
    this.connected = undefined;
  }

  build<C extends EventContract>(contract: C, draft: EventDraft<C>) {
    return buildEvent(contract, this.source, draft);
  }

  async publish<C extends EventContract>(contract: C, draft: EventDraft<C>): Promise<EventEnvelope> {
    const event = this.build(contract, draft);
    await this.publishAll([event]);
    return event;
  }

  /** Sends already-built events in one batch, grouped by topic; order within each key is kept. */
  async publishAll(events: EventEnvelope[]): Promise<void> {
    if (events.length === 0) return;
    const byTopic = new Map<string, Message[]>();
    for (const event of events) {
      const contract = findContract(event.type, event.version);
      if (!contract) throw new InvalidEventError(`unknown event type ${event.type} v${event.version}`);
      const messages = byTopic.get(contract.topic) ?? [];
      messages.push(toKafkaMessage(event));
      byTopic.set(contract.topic, messages);
    }
    await this.connect();
    await this.producer.sendBatch({ acks: -1, topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })) });
  }

  /** Raw send for the dead-letter path, where the payload may be anything. */
  async sendRaw(topic: string, messages: Message[]): Promise<void> {
    await this.connect();
    await this.producer.send({ topic, acks: -1, messages });
  }
}
