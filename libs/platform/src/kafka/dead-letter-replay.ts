import { randomUUID } from 'node:crypto';
import { IHeaders, Kafka } from 'kafkajs';
import { deadLetterTopicName } from '@civicflow/contracts';
import { DLT_HEADERS } from './kafka-event.server';
import { EventPublisher } from './event-publisher';

export interface ReplayResult {
  replayed: number;
  /** dead letters of other consumer groups (with `consumerGroup`) */
  skipped: number;
  /** dead letters of a message already replayed, by this run or an earlier one (its source is in the ledger): not sent again */
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
 * The replay ledger of `topic`: the sources (deadLetterSource) of the letters replayed so far, by every run and
 * whichever consumer group it was asked for — a compacted topic beside the dead-letter topic, keyed by source. A
 * run's committed offsets keep it from reading a letter twice, but a second letter of a message (two replicas gave
 * up on it) may be written after the first was replayed, or be read by a replay for all groups after one for its
 * group: the ledger is what keeps each message replayed once.
 */
export function replayLedgerTopicName(topic: string): string {
  return `${deadLetterTopicName(topic)}.replayed`;
}

/** Every source in the ledger (read to its end when the run starts; created, compacted, on the first replay). */
async function replayedSources(kafka: Kafka, ledger: string): Promise<Set<string>> {
  const sources = new Set<string>();
  const admin = kafka.admin();
  await admin.connect();
  const ends = new Map<number, number>();
  try {
    if (!(await admin.listTopics()).includes(ledger)) {
      await admin.createTopics({ waitForLeaders: true, topics: [{ topic: ledger, numPartitions: 1, configEntries: [{ name: 'cleanup.policy', value: 'compact' }] }] });
    }
    for (const { partition, high, low } of await admin.fetchTopicOffsets(ledger)) if (Number(high) > Number(low)) ends.set(partition, Number(high));
  } finally {
    await admin.disconnect();
  }
  if (ends.size === 0) return sources;
  // a group of its own that commits nothing: the whole ledger, every time (it only ever holds one record per message)
  const groupId = `civicflow-dlt-replayer.ledger.${randomUUID()}`;
  const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic: ledger, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      // the ledger's records are never deleted (no tombstones, no transactions), so each partition's last offset is there to be read
      consumer.run({
        autoCommit: false,
        eachMessage: async ({ partition, message }) => {
          if (message.key) sources.add(message.key.toString());
          if (Number(message.offset) + 1 >= (ends.get(partition) ?? 0)) ends.delete(partition);
          if (ends.size === 0) resolve();
        },
      }).catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
  const cleanup = kafka.admin();
  await cleanup.connect();
  await cleanup.deleteGroups([groupId]).catch(() => undefined).finally(() => cleanup.disconnect());
  return sources;
}

/**
 * Sends every dead-lettered message of `topic` back to `topic` (consumers are idempotent, so a message that
 * was half-handled is safe to replay). Each message is replayed once across runs: the replayer's own consumer group
 * keeps its place in the dead-letter topic, and the replay ledger (replayLedgerTopicName) the messages sent, so a
 * second letter of one message (deadLetterSource) is counted as a duplicate, not sent — whenever it was written.
 * A letter is entered in the ledger after it is sent: a crash in between replays it once more, never loses it.
 * Run it after fixing the cause.
 */
export async function replayDeadLetters(kafka: Kafka, topic: string, publisher: EventPublisher, options: ReplayOptions = {}): Promise<ReplayResult> {
  const { consumerGroup, idleMs = 3000 } = options;
  const ledger = replayLedgerTopicName(topic);
  const sources = await replayedSources(kafka, ledger);
  const consumer = kafka.consumer({ groupId: `civicflow-dlt-replayer.${consumerGroup ?? 'all'}.${topic}` });
  let replayed = 0;
  let skipped = 0;
  let duplicates = 0;
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
        const headers = Object.fromEntries(
          Object.entries(message.headers ?? {}).filter(([name]) => !Object.values<string>(DLT_HEADERS).includes(name)),
        );
        await publisher.sendRaw(topic, [{ key: message.key, value: message.value, headers: { ...headers, 'replayed-from-dlt': 'true' } }]);
        if (source !== undefined) {
          await publisher.sendRaw(ledger, [{ key: source, value: JSON.stringify({ replayedAt: new Date().toISOString() }) }]);
          sources.add(source);
        }
        replayed++;
        lastActivity = Date.now();
      },
    });
    while (Date.now() - lastActivity < idleMs) await new Promise((r) => setTimeout(r, 200));
  } finally {
    await consumer.disconnect();
  }
  return { replayed, skipped, duplicates };
}
