// The idempotent producer keeps its promise across a broker crash: the broker is SIGKILLed while keyed messages
// are being sent one batch after another and started again; every key's messages then sit in the topic exactly
// once each, in the order they were sent — no duplicate from a retried batch, no gap from a dropped one.
// Runs where this project starts the broker itself (native mode); a docker or external broker is not ours to kill.
import { Kafka } from 'kafkajs';
import { createKafka, EventPublisher } from '@civicflow/platform';
import { eventually, infraCommand, integrationConfig, ownsInfrastructure, uniqueId } from '@civicflow/testing';

const runId = uniqueId();
const env = integrationConfig();
const KEYS = Array.from({ length: 8 }, (_, i) => `key-${i}`);
const ROUNDS = 120;
const CRASH_AT_ROUND = 30;

(ownsInfrastructure ? describe : describe.skip)('idempotent producer across a broker crash', () => {
  let kafka: Kafka;
  let publisher: EventPublisher;
  const topic = `civicflow.test.producer-crash-${runId}`;

  beforeAll(async () => {
    kafka = createKafka(`test-${runId}`, env);
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 3, replicationFactor: 1 }], waitForLeaders: true });
    await admin.disconnect();
    publisher = new EventPublisher(kafka, 'test');
  });

  afterAll(async () => {
    await publisher?.disconnect();
  });

  it('delivers every keyed message once and in order although the broker was killed mid-send', async () => {
    let crashed: Promise<void> | undefined;
    for (let round = 0; round < ROUNDS; round++) {
      if (round === CRASH_AT_ROUND) {
        // crash while sends are in flight: the next batches wait out the restart inside the producer
        crashed = (async () => {
          await infraCommand('kill', 'kafka');
          await new Promise((resolve) => setTimeout(resolve, 1_500));
          await infraCommand('up', 'kafka');
        })();
      }
      await publisher.sendRaw(topic, KEYS.map((key) => ({ key, value: String(round) })));
    }
    await crashed;

    const seen = new Map<string, number[]>(KEYS.map((key) => [key, []]));
    const consumer = kafka.consumer({ groupId: `check-${runId}` });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void seen.get(message.key!.toString())!.push(Number(message.value!.toString())) });
    try {
      await eventually(async () => ([...seen.values()].every((rounds) => rounds.length >= ROUNDS) ? true : undefined), { timeoutMs: 60_000, what: 'every message read back' });
      await new Promise((resolve) => setTimeout(resolve, 1_000)); // a duplicate would arrive right behind
    } finally {
      await consumer.disconnect();
    }
    const expected = Array.from({ length: ROUNDS }, (_, i) => i);
    for (const key of KEYS) expect({ key, rounds: seen.get(key) }).toEqual({ key, rounds: expected });
  }, 240_000);
});
