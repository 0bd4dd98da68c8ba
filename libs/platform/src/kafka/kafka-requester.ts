import { randomUUID } from 'node:crypto';
import { Consumer, Kafka } from 'kafkajs';
import { EventData, EventEnvelope, RequestContract, validateEvent } from '@civicflow/contracts';
import { EventDraft } from './build-event';
import { EventPublisher } from './event-publisher';

export class RequestTimeoutError extends Error {
  constructor(type: string, timeoutMs: number) {
    super(`no reply to ${type} within ${timeoutMs} ms`);
    this.name = 'RequestTimeoutError';
  }
}

type Pending = { resolve: (e: EventEnvelope) => void; timer: NodeJS.Timeout };

/**
 * Request/reply over Kafka: publishes a request and waits for the reply whose causationId is the request id.
 * Each requester listens on the replies topic with a group of its own, from the moment it starts.
 */
export class KafkaRequester {
  private readonly pending = new Map<string, Pending>();
  private readonly listening = new Map<string, Promise<Consumer>>();

  constructor(private readonly kafka: Kafka, private readonly publisher: EventPublisher, private readonly clientId: string) {}

  async request<R extends RequestContract>(
    contract: R,
    draft: Omit<EventDraft<R['request']>, 'id'>,
    timeoutMs = 5000,
  ): Promise<EventData<R['reply']>> {
    await this.listen(contract.reply.topic);
    const request = this.publisher.build(contract.request, { ...draft, id: randomUUID() });
    const reply = new Promise<EventEnvelope>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(request.id);
        reject(new RequestTimeoutError(contract.request.type, timeoutMs));
      }, timeoutMs);
      this.pending.set(request.id, { resolve, timer });
    });
    await this.publisher.publishAll([request]);
    return (await reply).data as EventData<R['reply']>;
  }

  async close(): Promise<void> {
    for (const consumer of this.listening.values()) await (await consumer).disconnect();
    this.listening.clear();
  }

  private listen(topic: string): Promise<Consumer> {
    let consumer = this.listening.get(topic);
    if (!consumer) {
      consumer = this.subscribe(topic);
      this.listening.set(topic, consumer);
    }
    return consumer;
  }

  private async subscribe(topic: string): Promise<Consumer> {
    const consumer = this.kafka.consumer({ groupId: `${this.clientId}.replies.${randomUUID()}` });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: false });
    const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
    await consumer.run({
      eachMessage: async ({ message }) => {
        let parsed: unknown;
        try {
          parsed = JSON.parse(message.value?.toString('utf8') ?? '');
        } catch {
          return;
        }
        const checked = validateEvent(parsed);
        if (!checked.ok || !checked.event.causationId) return;
        const waiting = this.pending.get(checked.event.causationId);
        if (!waiting) return; // another requester's reply
        clearTimeout(waiting.timer);
        this.pending.delete(checked.event.causationId);
        waiting.resolve(checked.event);
      },
    });
    await joined;
    return consumer;
  }
}
