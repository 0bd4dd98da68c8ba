// A handler that keeps failing sends its message to the dead-letter topic with the reason; after the cause is
// fixed, replaying the dead letters delivers the same event again — nothing accepted is lost. A handler whose
// receiver refuses the fact (RefusedEventError) is not retried: the message goes to the dead-letter topic at once.
// Two letters of one message (two replicas gave up on it around a rebalance) are replayed once, also when the
// second is written after the first was replayed (the replay ledger remembers across runs).
import { Controller, INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventPattern } from '@nestjs/microservices';
import { Kafka } from 'kafkajs';
import { callbackRecordedV1, callLoggedV1, deadLetterTopicName, EventEnvelope } from '@civicflow/contracts';
import { createKafka, DLT_HEADERS, EventPublisher, HttpErrorFilter, KafkaEventServer, RefusedEventError, replayDeadLetters, toKafkaMessage } from '@civicflow/platform';
import { EventProbe, eventually, integrationConfig, uniqueId } from '@civicflow/testing';

const runId = uniqueId();
const env = integrationConfig();
const handled: EventEnvelope[] = [];
let failing = true;
let refusing = true;
const refusals: string[] = [];

@Controller()
class FlakyController {
  @EventPattern(callLoggedV1.type)
  onCall(event: EventEnvelope) {
    if (failing) throw new Error('downstream unavailable');
    handled.push(event);
  }

  @EventPattern(callbackRecordedV1.type)
  onCallback(event: EventEnvelope) {
    if (refusing) {
      refusals.push(event.id);
      throw new RefusedEventError('case 20261201-000001 refused: INVALID_STATUS');
    }
    handled.push(event);
  }
}

@Module({ controllers: [FlakyController] })
class FlakyModule {}

describe('dead-letter topic and replay', () => {
  let kafka: Kafka;
  let app: INestApplication;
  let publisher: EventPublisher;
  let probe: EventProbe;
  const groupId = `flaky-${runId}`;

  beforeAll(async () => {
    kafka = createKafka(`test-${runId}`, env);
    publisher = new EventPublisher(kafka, 'test');
    app = await NestFactory.create(FlakyModule, { logger: false });
    app.useGlobalFilters(new HttpErrorFilter());
    app.connectMicroservice({ strategy: new KafkaEventServer({ kafka, groupId, publisher, fromBeginning: false, retryBackoffMs: 50 }) }, { inheritAppConfig: true });
    await app.startAllMicroservices();
    probe = await new EventProbe(kafka, [deadLetterTopicName(callLoggedV1.topic)], `probe-${runId}`).start(); // the hotline's topic: calls and callbacks
  });

  afterAll(async () => {
    await probe?.stop();
    await app?.close();
    await publisher?.disconnect();
  });

  it('dead-letters after bounded retries, then replays the same event once fixed', async () => {
    const sent = await publisher.publish(callLoggedV1, {
      key: `call-${runId}`,
      correlationId: runId,
      data: { callId: `call-${runId}`, receivedAt: new Date().toISOString(), callerRef: 'h', callerMasked: '138****0000', content: '噪音扰民', requestType: 'complaint', urgency: 'normal' },
    });
    const dead = await probe.waitFor((m) => m.headers[DLT_HEADERS.group] === groupId && JSON.parse(m.raw).id === sent.id, 'the dead letter');
    expect(dead.headers[DLT_HEADERS.reason]).toBe('handler failed after 3 attempts: downstream unavailable');
    expect(JSON.parse(dead.raw).id).toBe(sent.id);
    expect(handled).toHaveLength(0);

    failing = false;
    const result = await replayDeadLetters(kafka, callLoggedV1.topic, publisher, { consumerGroup: groupId, idleMs: 1500 });
    expect(result.replayed).toBe(1);
    const redelivered = await eventually(async () => handled.find((e) => e.id === sent.id), { what: 'the replayed event' });
    expect(redelivered.data).toEqual(sent.data);
  });

  it('dead-letters a refused event at once, with the refusal as its reason, and replays it once the cause is dealt with', async () => {
    const sent = await publisher.publish(callbackRecordedV1, {
      key: '20261201-000001',
      correlationId: runId,
      data: { callbackId: `cb-${runId}`, caseNumber: '20261201-000001', reached: false, recordedAt: new Date().toISOString(), attempt: 1 },
    });
    const dead = await probe.waitFor((m) => m.headers[DLT_HEADERS.group] === groupId && JSON.parse(m.raw).id === sent.id, 'the refused event');
    expect(dead.headers[DLT_HEADERS.reason]).toBe('refused: case 20261201-000001 refused: INVALID_STATUS');
    expect(JSON.parse(dead.raw).id).toBe(sent.id);
    expect(refusals.filter((id) => id === sent.id)).toHaveLength(1); // not retried

    refusing = false;
    const result = await replayDeadLetters(kafka, callbackRecordedV1.topic, publisher, { consumerGroup: groupId, idleMs: 1500 });
    expect(result.replayed).toBe(1);
    await eventually(async () => handled.find((e) => e.id === sent.id), { what: 'the replayed refusal handled' });
  });

  it('replays two dead letters of the same message once (two replicas gave up on it around a rebalance)', async () => {
    const event = publisher.build(callLoggedV1, {
      key: `call-twice-${runId}`,
      correlationId: runId,
      data: { callId: `call-twice-${runId}`, receivedAt: new Date().toISOString(), callerRef: 'h', callerMasked: '138****0000', content: '路灯不亮', requestType: 'complaint', urgency: 'normal' },
    });
    // what each replica writes for the message at offset 41 of partition 0, with its own reason and time
    const letter = (replica: number) => {
      const message = toKafkaMessage(event);
      return { ...message, headers: { ...message.headers, [DLT_HEADERS.reason]: `handler failed after 3 attempts: replica ${replica}`, [DLT_HEADERS.group]: groupId, [DLT_HEADERS.topic]: callLoggedV1.topic, [DLT_HEADERS.partition]: '0', [DLT_HEADERS.offset]: '41', [DLT_HEADERS.failedAt]: new Date().toISOString() } };
    };
    await publisher.sendRaw(deadLetterTopicName(callLoggedV1.topic), [letter(1)]);
    await publisher.sendRaw(deadLetterTopicName(callLoggedV1.topic), [letter(2)]);
    await probe.waitFor((m) => m.headers[DLT_HEADERS.reason]?.endsWith('replica 2') && JSON.parse(m.raw).id === event.id, 'the second letter');

    const result = await replayDeadLetters(kafka, callLoggedV1.topic, publisher, { consumerGroup: groupId, idleMs: 1500 });
    expect(result).toMatchObject({ replayed: 1, duplicates: 1 });
    await eventually(async () => handled.find((e) => e.id === event.id), { what: 'the replayed event' });
    expect(handled.filter((e) => e.id === event.id)).toHaveLength(1);
  });

  it('does not send again a letter of a message an earlier replay sent, written after that replay', async () => {
    const event = publisher.build(callLoggedV1, {
      key: `call-late-${runId}`,
      correlationId: runId,
      data: { callId: `call-late-${runId}`, receivedAt: new Date().toISOString(), callerRef: 'h', callerMasked: '138****0000', content: '井盖缺失', requestType: 'complaint', urgency: 'normal' },
    });
    const message = toKafkaMessage(event);
    const letter = (replica: number) => ({ ...message, headers: { ...message.headers, [DLT_HEADERS.reason]: `handler failed after 3 attempts: late replica ${replica}`, [DLT_HEADERS.group]: groupId, [DLT_HEADERS.topic]: callLoggedV1.topic, [DLT_HEADERS.partition]: '1', [DLT_HEADERS.offset]: '97', [DLT_HEADERS.failedAt]: new Date().toISOString() } });
    const dlt = deadLetterTopicName(callLoggedV1.topic);
    await publisher.sendRaw(dlt, [letter(1)]);
    await probe.waitFor((m) => m.headers[DLT_HEADERS.reason]?.endsWith('late replica 1'), 'the first letter');
    expect(await replayDeadLetters(kafka, callLoggedV1.topic, publisher, { consumerGroup: groupId, idleMs: 1500 })).toEqual({ replayed: 1, skipped: 0, duplicates: 0 });
    await eventually(async () => handled.find((e) => e.id === event.id), { what: 'the replayed event' });

    // the other replica's letter lands after that replay; the next replay counts it as a duplicate and sends nothing
    await publisher.sendRaw(dlt, [letter(2)]);
    await probe.waitFor((m) => m.headers[DLT_HEADERS.reason]?.endsWith('late replica 2'), 'the second letter');
    const sent = new EventProbe(kafka, [callLoggedV1.topic], `sent-${runId}`);
    await sent.start();
    try {
      expect(await replayDeadLetters(kafka, callLoggedV1.topic, publisher, { consumerGroup: groupId, idleMs: 1500 })).toEqual({ replayed: 0, skipped: 0, duplicates: 1 });
      await new Promise((r) => setTimeout(r, 1000));
      expect(sent.messages.filter((m) => JSON.parse(m.raw).id === event.id)).toHaveLength(0);
    } finally {
      await sent.stop();
    }
    expect(handled.filter((e) => e.id === event.id)).toHaveLength(1);
  });
});
