import { randomUUID } from 'node:crypto';
import { Consumer, Kafka } from 'kafkajs';
import { EventContract, EventEnvelope, validateEvent } from '@civicflow/contracts';
import { ensureTopics } from './topics';

export interface BroadcastListenerOptions {
  /** Names the process's group: `<groupPrefix>.broadcast.<random>`. */
  groupPrefix: string;
  contracts: readonly EventContract[];
  onEvent: (event: EventEnvelope) => Promise<void>;
  onError?: (error: unknown, event: EventEnvelope) => void;
}

/**
 * Every process sees every message of these types — for rare signals each replica acts on for itself (a new grid
 * dataset to load), never for work, which a service's shared group divides among its replicas. Each process
 * listens with a group of its own from the latest offset and commits nothing, so the group leaves no offsets behind
 * when the process stops. A handler failure is the handler's to report (onError); nothing is retried here.
 */
export class BroadcastListener {
  private consumer?: Consumer;

  constructor(private readonly kafka: Kafka, private readonly options: BroadcastListenerOptions) {}

  /** Resolves once partitions are assigned: what is published from then on is seen. */
  async start(): Promise<void> {
    const topics = [...new Set(this.options.contracts.map((c) => c.topic))];
    const types = new Set(this.options.contracts.map((c) => `${c.type}@${c.version}`));
    await ensureTopics(this.kafka, topics);
    const consumer = this.kafka.consumer({ groupId: `${this.options.groupPrefix}.broadcast.${randomUUID()}`, allowAutoTopicCreation: false });
    this.consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({ topics, fromBeginning: false });
    const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ message }) => {
        let parsed: unknown;
        try {
          parsed = JSON.parse(message.value?.toString('utf8') ?? '');
        } catch {
          return;
        }
        const checked = validateEvent(parsed);
        if (!checked.ok || !types.has(`${checked.event.type}@${checked.event.version}`)) return;
        try {
          await this.options.onEvent(checked.event);
        } catch (error) {
          this.options.onError?.(error, checked.event);
        }
      },
    });
    await joined;
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
    this.consumer = undefined;
  }
}
