import { randomUUID } from 'node:crypto';
import { Kafka } from 'kafkajs';
import { EventContract, EventData, EventEnvelope, RequestContract } from '@civicflow/contracts';
import { BroadcastListener } from './broadcast-listener';
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
 * Each requester listens on the replies topic with a group of its own (a BroadcastListener), from the moment it starts.
 */
export class KafkaRequester {
  private readonly pending = new Map<string, Pending>();
  private readonly listening = new Map<string, Promise<BroadcastListener>>();

  constructor(private readonly kafka: Kafka, private readonly publisher: EventPublisher, private readonly clientId: string) {}

  async request<R extends RequestContract>(
    contract: R,
    draft: Omit<EventDraft<R['request']>, 'id'>,
    timeoutMs = 5000,
  ): Promise<EventData<R['reply']>> {
    await this.listen(contract.reply);
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
    for (const listener of this.listening.values()) await (await listener).stop();
    this.listening.clear();
  }

  private listen(reply: EventContract): Promise<BroadcastListener> {
    let listener = this.listening.get(reply.topic);
    if (!listener) {
      listener = this.subscribe(reply);
      this.listening.set(reply.topic, listener);
    }
    return listener;
  }

  /** Every requester hears every reply (a group of its own) and takes those caused by its own requests. */
  private async subscribe(reply: EventContract): Promise<BroadcastListener> {
    const listener = new BroadcastListener(this.kafka, {
      groupPrefix: `${this.clientId}.replies`,
      contracts: [reply],
      onEvent: async (event) => {
        const waiting = event.causationId ? this.pending.get(event.causationId) : undefined;
        if (!waiting) return; // another requester's reply
        clearTimeout(waiting.timer);
        this.pending.delete(event.causationId!);
        waiting.resolve(event);
      },
    });
    await listener.start();
    return listener;
  }
}
