import { Admin, Kafka } from 'kafkajs';
import { deadLetterTopicName, eventCatalog } from '@civicflow/contracts';

/** Every catalog topic and its dead-letter topic. */
export function allTopics(): string[] {
  const topics = [...new Set(eventCatalog.map((c) => c.topic))];
  return topics.flatMap((t) => [t, deadLetterTopicName(t)]);
}

/** Creates missing topics (idempotent). Production clusters usually disable auto-creation, so we never rely on it. */
export async function ensureTopics(kafka: Kafka, topics: string[] = allTopics(), numPartitions = 3): Promise<void> {
  const admin: Admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((t) => !existing.has(t));
    if (missing.length > 0) {
      await admin.createTopics({ waitForLeaders: true, topics: missing.map((topic) => ({ topic, numPartitions })) });
    }
  } finally {
    await admin.disconnect();
  }
}
