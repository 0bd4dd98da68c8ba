import { Kafka } from 'kafkajs';
import { deadLetterTopicName } from '@civicflow/contracts';
import { DLT_HEADERS } from './kafka-event.server';
import { EventPublisher } from './event-publisher';

export interface ReplayResult {
  replayed: number;
  skipped: number;
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
 * replayed once; run it after fixing the cause.
 */
export async function replayDeadLetters(kafka: Kafka, topic: string, publisher: EventPublisher, options: ReplayOptions = {}): Promise<ReplayResult> {
  const { consumerGroup, idleMs = 3000 } = options;
  const consumer = kafka.consumer({ groupId: `civicflow-dlt-replayer.${consumerGroup ?? 'all'}.${topic}` });
  let replayed = 0;
  let skipped = 0;
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
  return { replayed, skipped };
}
