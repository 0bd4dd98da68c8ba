// A service stopped by SIGTERM in the middle of its work — its consumer busy with a backlog of case events, callers
// reading over HTTP — finishes what it has in hand, commits, leaves its group and exits 0 well within its grace
// period; started again, it takes up where it stopped: every event applied once, none lost, and none handed to it
// a second time beyond the few done side by side past one still in hand (no redelivery storm). The service is the compiled casework process, as npm start runs it.
import { Admin, Kafka } from 'kafkajs';
import { MongoClient } from 'mongodb';
import { caseRegisteredV1 } from '@civicflow/contracts';
import { createKafka, EventPublisher } from '@civicflow/platform';
import { backlogDay, bearerFor, caseBacklog, eventually, freePort, integrationConfig, ServiceProcess, uniqueId } from '@civicflow/testing';

const runId = uniqueId();
const GROUP = `casework-${runId}`;
const env = integrationConfig({ MONGO_DB_PREFIX: runId, CASEWORK_CONSUMER_GROUP: GROUP, KAFKA_FROM_BEGINNING: 'false' });
const CASES = 600; // three events each: a backlog the service cannot finish while its HTTP drains (up to half its grace)
const GRACE_MS = 10_000;
const KEYS_SIDE_BY_SIDE = 8; // the transport's default per partition

/** Messages of the topic the group has committed past `from` (per-partition offsets before the test's events). */
async function committedSince(admin: Admin, topic: string, from: Map<number, number>): Promise<number> {
  const [offsets] = await admin.fetchOffsets({ groupId: GROUP, topics: [topic] });
  return offsets.partitions.reduce((sum, p) => sum + Math.max(0, Number(p.offset) - (from.get(p.partition) ?? 0)), 0);
}

describe('a service stopped by SIGTERM under load', () => {
  let kafka: Kafka;
  let admin: Admin;
  let publisher: EventPublisher;
  let mongo: MongoClient;
  let casework: ServiceProcess;
  let url: string;

  beforeAll(async () => {
    kafka = createKafka(`test-${runId}`, env);
    admin = kafka.admin();
    await admin.connect();
    publisher = new EventPublisher(kafka, 'case-worker');
    mongo = await new MongoClient(env.MONGO_URL).connect();
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    casework = new ServiceProcess('casework', {
      ...(env as Record<string, string>), CASEWORK_PORT: String(port), SHUTDOWN_GRACE_MS: String(GRACE_MS), LOG_LEVEL: 'info', GRID_URL: 'http://127.0.0.1:9',
    }, /casework service started/);
  });

  afterAll(async () => {
    if (casework?.running) await casework.stop('SIGKILL');
    await publisher?.disconnect();
    await admin?.disconnect();
    await mongo?.db(`${runId}_casework`).dropDatabase();
    await mongo?.close();
  });

  const db = () => mongo.db(`${runId}_casework`);
  const processed = () => db().collection('processed_events').countDocuments({ consumerGroup: GROUP });

  it('drains, commits and exits 0 within its grace period; restarted, it loses nothing and is handed nothing twice', async () => {
    await casework.start();
    // the group has joined (it starts at the newest message): what is published from now on is its backlog
    await eventually(async () => {
      const { groups } = await admin.describeGroups([GROUP]);
      return groups[0]?.state === 'Stable' && groups[0].members.length > 0 ? true : undefined;
    }, { what: 'casework to join its consumer group', timeoutMs: 60_000 });
    const topic = caseRegisteredV1.topic;
    const before = new Map((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, Number(p.high)]));

    const { numbers, events } = caseBacklog(publisher, { day: backlogDay(), count: CASES, firstNumber: 900_000, runId });
    await publisher.publishAll(events);

    // callers keep reading while the backlog is worked off, and while the service stops
    let reading = true;
    const answers: number[] = [];
    const reads = (async () => {
      const authorization = await bearerFor('supervisor', 'bf');
      for (let i = 0; reading; i++) {
        try {
          answers.push((await fetch(`${url}/api/v1/cases/${numbers[i % CASES]}/timeline`, { headers: { authorization } })).status);
        } catch {
          await new Promise((resolve) => setTimeout(resolve, 50)); // refused once it stopped listening: expected
        }
      }
    })();

    await eventually(async () => ((await processed()) >= events.length / 5 ? true : undefined), { what: 'a fifth of the backlog applied', timeoutMs: 120_000, intervalMs: 20 });
    const exit = await casework.stop('SIGTERM');
    reading = false;
    await reads;

    // a clean stop, not one cut short by the grace period
    expect(exit).toMatchObject({ code: 0, signal: null });
    expect(exit.afterMs).toBeLessThan(GRACE_MS);
    expect(casework.messages()).toContain('已停止 stopped');
    expect(casework.messages().filter((m) => m.includes('停止超时'))).toEqual([]);
    // whoever got an answer got a real one: no request was cut into a 5xx
    expect(answers.length).toBeGreaterThan(0);
    expect(answers.filter((status) => status >= 500)).toEqual([]);

    // it stopped mid-backlog and committed what it had done: no redelivery storm. Keys are applied side by side, so
    // events done beyond one still in hand at the stop cannot be committed (an offset is a watermark) and come
    // again, harmlessly (dedup): at most what the side-by-side keys of each partition held (8 keys × 3 events);
    // kafkajs's own 5-s commit interval, which a stopping consumer never reached, used to leave far more
    const appliedAtStop = await processed();
    expect(appliedAtStop).toBeLessThan(events.length);
    const committed = await committedSince(admin, topic, before);
    const redelivered = appliedAtStop - committed;
    expect(committed).toBeLessThanOrEqual(appliedAtStop);
    expect(redelivered).toBeLessThanOrEqual(KEYS_SIDE_BY_SIDE * 3 * before.size);

    // started again, it takes up the rest: every event applied, each case projected once per event
    await casework.start();
    await eventually(async () => ((await processed()) === events.length ? true : undefined), { what: 'the whole backlog applied after the restart', timeoutMs: 180_000 });
    expect(await committedSince(admin, topic, before)).toBe(events.length);
    const cases = await db().collection<{ _id: string; revision: number; stage: string; lastSequence: number }>('case_worklist')
      .find({ _id: { $in: numbers } }, { projection: { revision: 1, stage: 1, lastSequence: 1 } }).toArray();
    expect(cases).toHaveLength(CASES);
    expect(cases.filter((c) => c.revision !== 3 || c.stage !== 'in-handling' || c.lastSequence !== 2)).toEqual([]);
    expect(await db().collection('case_timeline').countDocuments({ caseNumber: { $in: numbers } })).toBe(events.length);
  }, 300_000); // two starts of a compiled service and a backlog of 1,800 events
});
