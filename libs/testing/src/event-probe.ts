import { Consumer, Kafka } from 'kafkajs';
import { EventEnvelope, validateEvent } from '@civicflow/contracts';
import { ensureTopics } from '@civicflow/platform';
import { eventually } from './eventually';

export interface ProbedMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  headers: Record<string, string>;
  raw: string;
  event?: EventEnvelope;
}

/**
 * Listens on real Kafka topics from "now" with its own consumer group, so a test sees exactly the
 * messages produced after it started, including dead-lettered ones (raw, with their headers).
 */
export class EventProbe {
  readonly messages: ProbedMessage[] = [];
  private consumer?: Consumer;

  constructor(private readonly kafka: Kafka, private readonly topics: string[], private readonly groupId: string) {}

  async start(): Promise<this> {
    // on a fresh broker the probe may be the first to name a topic (services create theirs when they start)
    await ensureTopics(this.kafka, this.topics);
    this.consumer = this.kafka.consumer({ groupId: this.groupId });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: this.topics, fromBeginning: false });
    const joined = new Promise<void>((resolve) => this.consumer?.on(this.consumer.events.GROUP_JOIN, () => resolve()));
    await this.consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        const raw = message.value?.toString('utf8') ?? '';
        const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]));
        let event: EventEnvelope | undefined;
        try {
          const checked = validateEvent(JSON.parse(raw));
          event = checked.ok ? checked.event : undefined;
        } catch {
          event = undefined;
        }
        this.messages.push({ topic, partition, offset: message.offset, key: message.key?.toString() ?? null, headers, raw, event });
      },
    });
    await joined;
    return this;
  }

  waitFor(predicate: (m: ProbedMessage) => boolean, what: string, timeoutMs = 30_000): Promise<ProbedMessage> {
    return eventually(async () => this.messages.find(predicate), { timeoutMs, what });
  }

  waitForEvent(type: string, match: (e: EventEnvelope) => boolean = () => true, timeoutMs = 30_000): Promise<EventEnvelope> {
    return this.waitFor((m) => m.event?.type === type && match(m.event), `event ${type}`, timeoutMs).then((m) => m.event!);
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}
