// Casework's projection keeps up with a backlog: two replicas of the compiled service share a backlog of case events
// of one day (as a day of calls puts them: every case in the same statistics day), one is SIGKILLed mid-way, and
// the other finishes it — every event applied exactly once (worklist revision = events, one timeline entry each,
// one statistics row per case), nothing dead-lettered. The wait is derived from the rate measured on a first backlog
// with one replica, so a consumer that falls behind (issue 17: 6,083 messages behind after a chaos run) fails it.
import { Admin, Kafka } from 'kafkajs';
import { MongoClient } from 'mongodb';
import { caseRegisteredV1, CaseEventEnvelope, deadLetterTopicName } from '@civicflow/contracts';
import { createKafka, EventPublisher } from '@civicflow/platform';
import { backlogDay, caseBacklog, eventually, freePort, integrationConfig, ServiceProcess, uniqueId } from '@civicflow/testing';

const runId = uniqueId();
const GROUP = `casework-${runId}`;
const env = integrationConfig({ MONGO_DB_PREFIX: runId, CASEWORK_CONSUMER_GROUP: GROUP, KAFKA_FROM_BEGINNING: 'false' });
const CASES = Number(process.env.BACKLOG_CASES ?? 200); // per backlog; three events each
/** kafkajs's session timeout: a SIGKILLed member's partitions wait this long before the group hands them on */
const SESSION_TIMEOUT_MS = 30_000;

describe('casework consuming a backlog with two replicas, one killed', () => {
  let kafka: Kafka;
  let admin: Admin;
  let publisher: EventPublisher;
  let mongo: MongoClient;
  const replicas: ServiceProcess[] = [];
  const day = backlogDay();

  const replica = async () => new ServiceProcess('casework', {
    ...(env as Record<string, string>), CASEWORK_PORT: String(await freePort()), LOG_LEVEL: 'info', GRID_URL: 'http://127.0.0.1:9',
  }, /casework service started/);

  beforeAll(async () => {
    kafka = createKafka(`test-${runId}`, env);
    admin = kafka.admin();
    await admin.connect();
    publisher = new EventPublisher(kafka, 'case-worker');
    mongo = await new MongoClient(env.MONGO_URL).connect();
  });

  afterAll(async () => {
    await Promise.all(replicas.filter((r) => r.running).map((r) => r.stop('SIGKILL')));
    await publisher?.disconnect();
    await admin?.disconnect();
    await mongo?.db(`${runId}_casework`).dropDatabase();
    await mongo?.close();
  });

  const db = () => mongo.db(`${runId}_casework`);
  const processed = () => db().collection('processed_events').countDocuments({ consumerGroup: GROUP });

  /** Three events for each of `CASES` new cases, all registered on the test's day. */
  const backlog = (from: number) => caseBacklog(publisher, { day, count: CASES, firstNumber: 800_000 + from, runId });

  /** Publishes a backlog and waits until `processed` reaches `target`; resolves with the events applied per second. */
  async function workOff(events: CaseEventEnvelope[], target: number, timeoutMs: number): Promise<number> {
    const startedAt = Date.now();
    await publisher.publishAll(events);
    await eventually(async () => ((await processed()) >= target ? true : undefined), { what: `${target} events applied`, timeoutMs, intervalMs: 200 });
    return events.length / ((Date.now() - startedAt) / 1000);
  }

  it('applies every event once, within a bound from its measured rate, though a replica is SIGKILLed', async () => {
    const first = await replica();
    replicas.push(first);
    await first.start();
    await eventually(async () => {
      const { groups } = await admin.describeGroups([GROUP]);
      return groups[0]?.state === 'Stable' && groups[0].members.length > 0 ? true : undefined;
    }, { what: 'casework to join its consumer group', timeoutMs: 60_000 });
    const topic = caseRegisteredV1.topic;
    const dltBefore = (await admin.fetchTopicOffsets(deadLetterTopicName(topic))).reduce((sum, p) => sum + Number(p.high), 0);

    // the rate of one replica on a first backlog (generous bound: this only measures)
    const one = backlog(0);
    const rateOne = await workOff(one.events, one.events.length, 600_000);
    process.stdout.write(`casework, one replica: ${one.events.length} events at ${rateOne.toFixed(1)}/s\n`);

    // a second replica joins; the second backlog is shared, and one replica is killed a fifth of the way through
    const second = await replica();
    replicas.push(second);
    await second.start();
    const two = backlog(CASES);
    const target = one.events.length + two.events.length;
    const startedAt = Date.now();
    await publisher.publishAll(two.events);
    await eventually(async () => ((await processed()) >= one.events.length + two.events.length / 5 ? true : undefined),
      { what: 'a fifth of the second backlog applied', timeoutMs: 600_000, intervalMs: 100 });
    await first.stop('SIGKILL');
    // the bound: the backlog at half the measured single-replica rate (a shared box), plus the dead member's session
    const boundMs = (two.events.length / rateOne) * 2_000 + SESSION_TIMEOUT_MS + 30_000;
    await eventually(async () => ((await processed()) >= target ? true : undefined), { what: `the whole backlog within ${Math.round(boundMs / 1000)} s`, timeoutMs: boundMs, intervalMs: 200 });
    process.stdout.write(`casework, two replicas, one SIGKILLed: ${two.events.length} events in ${((Date.now() - startedAt) / 1000).toFixed(1)} s (bound ${Math.round(boundMs / 1000)} s)\n`);

    // exactly once: one processed mark per event, each case's worklist revision = its events, one timeline entry each
    const numbers = [...one.numbers, ...two.numbers];
    expect(await processed()).toBe(target);
    const cases = await db().collection<{ _id: string; revision: number; stage: string; lastSequence: number }>('case_worklist')
      .find({ _id: { $in: numbers } }, { projection: { revision: 1, stage: 1, lastSequence: 1 } }).toArray();
    expect(cases).toHaveLength(numbers.length);
    expect(cases.filter((c) => c.revision !== 3 || c.stage !== 'in-handling' || c.lastSequence !== 2)).toEqual([]);
    expect(await db().collection('case_timeline').countDocuments({ caseNumber: { $in: numbers } })).toBe(target);
    // the statistics: one row per case in the day's bucket(s), each at the fact's last revision
    const dayDocs = await db().collection<{ _id: string; rows: string }>('case_fact_days').find({}).toArray();
    const rows = dayDocs.flatMap((d) => JSON.parse(d.rows) as { caseNumber: string; revision: number }[]);
    expect(rows.map((r) => r.caseNumber).sort()).toEqual([...numbers].sort());
    expect(rows.filter((r) => r.revision !== 3)).toEqual([]);
    // nothing given up on
    const dltAfter = (await admin.fetchTopicOffsets(deadLetterTopicName(topic))).reduce((sum, p) => sum + Number(p.high), 0);
    expect(dltAfter - dltBefore).toBe(0);
  }, 1_500_000);
});
