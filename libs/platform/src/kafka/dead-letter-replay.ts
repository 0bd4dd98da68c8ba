import { IHeaders, Kafka } from 'kafkajs';
import { deadLetterTopicName } from '@civicflow/contracts';
import { DLT_HEADERS } from './kafka-event.server';
import { EventPublisher } from './event-publisher';

export interface ReplayResult {
  replayed: number;
  /** dead letters of other consumer groups (with `consumerGroup`) */
  skipped: number;
  /** dead letters of a message already replayed in this run: written twice for one message, replayed once */
  duplicates: number;
}

/**
 * The message a dead letter stands for: the consumer group that gave up on it and where it was (topic, partition,
 * offset). Two replicas of a group can both give up on the same message — one fails it and dead-letters it, the
 * partition moves to the other before the offset is committed (a rebalance), and it fails and dead-letters it again —
 * so the dead-letter topic may hold two letters of one message: the same source, replayed once. Undefined for a
 * letter without the headers (written by hand).
 */
export function deadLetterSource(headers: IHeaders | Record<string, string | undefined> | undefined): string | undefined {
  const header = (name: string) => {
    const value = (headers as Record<string, Buffer | string | undefined> | undefined)?.[name];
    return value === undefined || value === null ? undefined : value.toString();
  };
  const parts = [DLT_HEADERS.group, DLT_HEADERS.topic, DLT_HEADERS.partition, DLT_HEADERS.offset].map(header);
  return parts.every((part) => part !== undefined) ? parts.join('|') : undefined;
}

export interface ReplayOptions {
  /** Replay only what this consumer group dead-lettered (the usual case: "retry what my service failed"). */
  consumerGroup?: string;
  /** Stop after this long without a new dead letter. */
  idleMs?: number;
}

/**
 * Sends every dead-lettered message of `topic` back to `topic` (consumers are idempotent, so a message that
 * was half-handled is safe to replay). Progress is kept by the replayer's own consumer group, so a message is
 * replayed once; two letters of the same message (deadLetterSource) are replayed once. Run it after fixing the cause.
 */
export async function replayDeadLetters(kafka: Kafka, topic: string, publisher: EventPublisher, options: ReplayOptions = {}): Promise<ReplayResult> {
  const { consumerGroup, idleMs = 3000 } = options;
  const consumer = kafka.consumer({ groupId: `civicflow-dlt-replayer.${consumerGroup ?? 'all'}.${topic}` });
  let replayed = 0;
  let skipped = 0;
  let duplicates = 0;
  const sources = new Set<string>();
  let lastActivity = Date.now();
  await consumer.connect();
  try {
    await consumer.subscribe({ topic: deadLetterTopicName(topic), fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        lastActivity = Date.now();
        if (consumerGroup && message.headers?.[DLT_HEADERS.group]?.toString() !== consumerGroup) {
          skipped++;
          return;
        }
        const source = deadLetterSource(message.headers);
        if (source !== undefined && sources.has(source)) {
          duplicates++;
          return;
        }
        if (source !== undefined) sources.add(source);
        const headers = Object.fromEntries(
          Object.entries(message.headers ?? {}).filter(([name]) => !Object.values<string>(DLT_HEADERS).includes(name)),
        );
        await publisher.sendRaw(topic, [{ key: message.key, value: message.value, headers: { ...headers, 'replayed-from-dlt': 'true' } }]);
        replayed++;
      },
    });
    while (Date.now() - lastActivity < idleMs) await new Promise((r) => setTimeout(r, 200));
  } finally {
    await consumer.disconnect();
  }
  return { replayed, skipped, duplicates };
}
