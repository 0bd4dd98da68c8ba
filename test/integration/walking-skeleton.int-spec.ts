// The walking skeleton on the real servers: HTTP call on the hotline → Kafka → intake stores the case with
// mongoose → Temporal workflow (id = case number) → its activity publishes case.registered on Kafka, and the
// workflow dispatches the case to its community.
// Every step is checked against the server's own answer, so a stand-in for any of them fails this test.
import type { Client } from '@temporalio/client';
import type { Kafka } from 'kafkajs';
import { MongoClient } from 'mongodb';
import { callLoggedV1, caseRegisteredV1, deadLetterTopicName } from '@civicflow/contracts';
import { DLT_HEADERS, EventPublisher, toKafkaMessage } from '@civicflow/platform';
import { bearerFor, EventProbe, eventually, startSystem, type TestSystem } from '@civicflow/testing';
import { addressInside } from '@civicflow/grid';
import { caseStatusQuery } from '@civicflow/workflows';

describe('walking skeleton: call → Kafka → intake → Mongo → Temporal → case.registered', () => {
  let system: TestSystem<'identity' | 'grid' | 'hotline' | 'intake'>;
  let runId: string;
  let kafka: Kafka;
  let probe: EventProbe;
  let temporal: Client;
  let mongo: MongoClient;
  let hotlineUrl: string;

  beforeAll(async () => {
    // identity issues intake's service token for the grid's routing dataset
    system = await startSystem({ services: ['identity', 'grid', 'hotline', 'intake'], worker: {} });
    ({ runId, kafka, temporal } = system);
    hotlineUrl = system.urls.hotline;
    probe = await new EventProbe(kafka, [callLoggedV1.topic, caseRegisteredV1.topic, deadLetterTopicName(callLoggedV1.topic)], `probe-${runId}`).start();
    mongo = await new MongoClient(system.env.MONGO_URL).connect();
  });

  afterAll(async () => {
    await probe?.stop();
    await mongo?.close();
    await system?.stop();
  });

  async function logCall(body: Record<string, unknown>) {
    const res = await fetch(`${hotlineUrl}/api/v1/calls`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: await bearerFor('operator', 'bf') },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(202);
    return (await res.json()) as { callId: string; callerMasked: string };
  }

  const aCall = {
    callerNumber: '13812345678',
    content: '小区门口路灯坏了一周,晚上很黑 — the street light at the compound gate has been out for a week',
    requestType: 'complaint',
    address: addressInside('bf-d01-s01-c01-g01'),
  };

  it('turns a logged call into a registered case through all three servers', async () => {
    const { callId, callerMasked } = await logCall(aCall);
    expect(callerMasked).toBe('138****5678');

    // Kafka: the hotline announced the call, and the workflow's activity announced the case
    const logged = await probe.waitForEvent(callLoggedV1.type, (e) => e.key === callId);
    expect(logged.data).toMatchObject({ callId, requestType: 'complaint', urgency: 'normal' });
    const registered = await probe.waitForEvent(caseRegisteredV1.type, (e) => (e.data as { sourceRef: string }).sourceRef === callId);
    const caseNumber = registered.key;
    expect(caseNumber).toMatch(/^\d{8}-\d{6}$/);
    expect(registered.id).toBe(`${caseNumber}:registered`);
    expect(registered.correlationId).toBe(callId);

    // MongoDB protocol server: intake stored the report and the number it claimed for it; hotline stored the
    // caller's number encrypted, never in clear
    const stored = await mongo.db(`${runId}_intake`).collection('reports').findOne({ _id: `hotline:${callId}` as never });
    expect(stored).toMatchObject({ caseNumber, sourceRef: callId, requestType: 'complaint', routing: { gridId: 'bf-d01-s01-c01-g01', method: 'address' }, handedOverAt: expect.any(Date) });
    expect(stored).not.toHaveProperty('status');
    expect(await mongo.db(`${runId}_intake`).collection('case_numbers').findOne({ _id: caseNumber as never })).toMatchObject({ source: `hotline:${callId}` });
    const call = await mongo.db(`${runId}_hotline`).collection('calls').findOne({ _id: callId as never });
    expect(JSON.stringify(call)).not.toContain('13812345678');

    // Temporal: the workflow with id = case number ran its activity, dispatched the case to the community and
    // waits for it to accept (签收) — a case workflow lives until the case is closed — as its history shows
    const handle = temporal.workflow.getHandle(caseNumber);
    expect((await handle.describe()).type).toBe('caseWorkflow');
    const status = await eventually(async () => {
      const view = await handle.query(caseStatusQuery);
      return view.stage === 'dispatched' && view.publishedSequence === view.lastSequence ? view : undefined;
    }, { what: 'the case to be dispatched' });
    expect(status).toMatchObject({ level: 'community', currentUnit: stored?.routing?.communityId });
    const history = await handle.fetchHistory();
    const kinds = (history.events ?? []).map((e) => Object.keys(e).find((k) => k.endsWith('EventAttributes')));
    expect(kinds).toEqual(expect.arrayContaining(['activityTaskCompletedEventAttributes', 'markerRecordedEventAttributes']));

    // Kafka again: intake's consumer group committed past the call-logged message
    const admin = kafka.admin();
    await admin.connect();
    try {
      const loggedMessage = probe.messages.find((m) => m.event?.id === logged.id)!;
      const committed = async () => {
        const [topic] = await admin.fetchOffsets({ groupId: `intake-${runId}`, topics: [callLoggedV1.topic] });
        return Number(topic.partitions.find((p) => p.partition === loggedMessage.partition)?.offset ?? -1);
      };
      for (let i = 0; i < 40 && (await committed()) <= Number(loggedMessage.offset); i++) await new Promise((r) => setTimeout(r, 250));
      expect(await committed()).toBeGreaterThan(Number(loggedMessage.offset));
    } finally {
      await admin.disconnect();
    }

    // the intake API shows the case the call became
    const intakeUrl = system.urls.intake;
    const res = await fetch(`${intakeUrl}/api/v1/cases?channel=hotline&sourceRef=${callId}`, { headers: { authorization: await bearerFor('dispatcher', 'bf') } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ caseNumber, channel: 'hotline' });
  });

  it('makes one case of a redelivered call, whether the same event or a re-sent one', async () => {
    const { callId } = await logCall({ ...aCall, callerNumber: '13900001111' });
    const logged = await probe.waitForEvent(callLoggedV1.type, (e) => e.key === callId);
    await probe.waitForEvent(caseRegisteredV1.type, (e) => (e.data as { sourceRef: string }).sourceRef === callId);

    const publisher = new EventPublisher(kafka, 'test');
    await publisher.publishAll([logged]); // the very same event (same id): deduplicated by event id
    await publisher.publish(callLoggedV1, { key: callId, correlationId: callId, data: logged.data as never }); // new id, same call
    await publisher.publish(callLoggedV1, {
      key: callId, correlationId: 'marker',
      data: { ...(logged.data as object), callId: `marker-${runId}` } as never,
    });
    // messages of one key stay in order; wait until intake has processed the marker sent after the duplicates
    await probe.waitForEvent(caseRegisteredV1.type, (e) => (e.data as { sourceRef: string }).sourceRef === `marker-${runId}`);
    await publisher.disconnect();

    expect(await mongo.db(`${runId}_intake`).collection('reports').countDocuments({ _id: `hotline:${callId}` as never })).toBe(1);
    expect(await mongo.db(`${runId}_intake`).collection('case_numbers').countDocuments({ source: `hotline:${callId}` })).toBe(1);
    const registrations = probe.messages.filter((m) => m.event?.type === caseRegisteredV1.type && (m.event.data as { sourceRef: string }).sourceRef === callId);
    expect(new Set(registrations.map((m) => m.event!.id)).size).toBe(1);
  });

  it('dead-letters a poison message with its reason and keeps consuming', async () => {
    const publisher = new EventPublisher(kafka, 'test');
    const garbageKey = `garbage-${runId}`;
    const invalidKey = `invalid-${runId}`;
    await publisher.sendRaw(callLoggedV1.topic, [{ key: garbageKey, value: '{"this is": "not JSON' }]);
    // a well-formed envelope whose data breaks the contract (no content, unknown request type)
    const invalid = { ...toKafkaMessage(publisher.build(caseRegisteredV1, {
      key: invalidKey, correlationId: invalidKey,
      data: { caseNumber: '20261128-000001', channel: 'hotline', sourceRef: 'x', requestType: 'help', urgency: 'normal', registeredAt: new Date().toISOString() },
    })) };
    const tampered = JSON.parse(String(invalid.value));
    Object.assign(tampered, { type: callLoggedV1.type, version: 1, data: { callId: invalidKey, requestType: 'gossip' } });
    await publisher.sendRaw(callLoggedV1.topic, [{ key: invalidKey, value: JSON.stringify(tampered) }]);
    await publisher.disconnect();

    const dlt = deadLetterTopicName(callLoggedV1.topic);
    const deadGarbage = await probe.waitFor((m) => m.topic === dlt && m.key === garbageKey && m.headers[DLT_HEADERS.group] === `intake-${runId}`, 'garbage in the DLT');
    expect(deadGarbage.headers[DLT_HEADERS.reason]).toMatch(/not valid JSON/);
    expect(deadGarbage.raw).toBe('{"this is": "not JSON');
    const deadInvalid = await probe.waitFor((m) => m.topic === dlt && m.key === invalidKey && m.headers[DLT_HEADERS.group] === `intake-${runId}`, 'invalid event in the DLT');
    expect(deadInvalid.headers[DLT_HEADERS.reason]).toMatch(/data\.requestType/);
    expect(deadInvalid.headers[DLT_HEADERS.topic]).toBe(callLoggedV1.topic);

    // the consumer kept going: the next good call still becomes a case
    const { callId } = await logCall({ ...aCall, callerNumber: '13700002222' });
    await probe.waitForEvent(caseRegisteredV1.type, (e) => (e.data as { sourceRef: string }).sourceRef === callId);
  });
});
