// The case worker is killed (SIGKILL, no goodbye) twice in the middle of the ladder and started again: while it
// is gone the case's timers come due on the Temporal server; when a worker is back, the case carries on from where
// it was. On Kafka every step is there exactly once, in an unbroken sequence, and it matches the workflow's own
// timeline. The worker runs as its own process, built by `npm run build` (npm test builds before this tier).
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client, Connection } from '@temporalio/client';
import { Kafka } from 'kafkajs';
import { caseDepartmentsSummonedV1, caseDispatchedV1, caseEscalatedV1, EventEnvelope } from '@civicflow/contracts';
import { naturalMinutes } from '@civicflow/domain';
import { createKafka } from '@civicflow/platform';
import { EventProbe, eventually, integrationConfig, ownTemporalNamespace, profilesWithWindows, uniqueId } from '@civicflow/testing';
import { caseStatusQuery, caseTimelineQuery, CaseWorkflowInput, summonDepartmentsUpdate } from '@civicflow/workflows';

const runId = uniqueId();
const env = integrationConfig({ MONGO_DB_PREFIX: runId });
const WORKER_MAIN = join(__dirname, '..', '..', 'workflows', 'dist', 'worker', 'main.js');

const COMMUNITY = 'bf-d01-s01-c01';
const STREET = 'bf-d01-s01';
const DEPARTMENTS = ['dept-urban-management', 'dept-water-affairs'];

/** Windows long enough to kill the worker inside them, short enough to wait out: 15 s to accept or report in. */
function writeShortProfiles(): string {
  const window = naturalMinutes(0.25);
  const long = naturalMinutes(30);
  const table = profilesWithWindows({ acceptance: window, 'community-handling': long, 'street-handling': long, 'department-report-in': window, 'department-answer': long, callback: long, mediation: long });
  const file = join(mkdtempSync(join(tmpdir(), 'civicflow-sla-')), 'sla-profiles.json');
  writeFileSync(file, JSON.stringify(table));
  return file;
}

type Data = { sequence?: number; sla?: { deadline: string | null } | null; departmentId?: string };

/** case.registered (v1) carries no sequence: it is the case's event 0, before the first transition. */
const sequenceOf = (event: EventEnvelope): number => (event.data as Data).sequence ?? (event.type === 'case.registered' ? 0 : Number.NaN);

describe('the case worker killed mid-escalation and restarted', () => {
  let kafka: Kafka;
  let probe: EventProbe;
  let temporal: Client;
  let profilesFile: string;
  let worker: ChildProcess | undefined;
  const workerLog: string[] = [];

  /** Starts the worker process and waits for its "started" line. */
  async function startWorker(): Promise<void> {
    const child = spawn(process.execPath, [WORKER_MAIN], {
      // no grid service runs here: the worker takes the calendar shipped with it (and the law's provisional years)
      env: { ...process.env, ...env, SLA_PROFILES_FILE: profilesFile, WORKER_CALENDAR_SOURCE: 'file', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    worker = child;
    let started = false;
    const onLine = (chunk: Buffer) => {
      const text = chunk.toString();
      workerLog.push(text);
      if (text.includes('case worker started')) started = true;
    };
    child.stdout.on('data', onLine);
    child.stderr.on('data', onLine);
    await eventually(async () => {
      if (child.exitCode !== null) throw new Error(`the worker exited with ${child.exitCode}: ${workerLog.slice(-5).join('')}`);
      return started || undefined;
    }, { what: 'the worker process to start', timeoutMs: 90_000 });
  }

  async function killWorker(): Promise<void> {
    const child = worker!;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    worker = undefined;
  }

  /** Waits (real time) until an instant the case's clock named has passed, plus a margin. */
  async function waitPast(deadline: string | null | undefined): Promise<void> {
    expect(deadline).toEqual(expect.any(String));
    const ms = Date.parse(deadline!) - Date.now() + 2_000;
    if (ms > 0) await sleep(ms);
  }

  beforeAll(async () => {
    if (!existsSync(WORKER_MAIN)) throw new Error(`${WORKER_MAIN} is missing: run \`npm run build\` first (npm test does)`);
    env.TEMPORAL_NAMESPACE = await ownTemporalNamespace(env.TEMPORAL_ADDRESS);
    profilesFile = writeShortProfiles();
    kafka = createKafka(`test-${runId}`, env);
    probe = await new EventProbe(kafka, [caseDispatchedV1.topic], `probe-${runId}`).start();
    temporal = new Client({ connection: await Connection.connect({ address: env.TEMPORAL_ADDRESS }), namespace: env.TEMPORAL_NAMESPACE });
  });

  afterAll(async () => {
    if (worker) await killWorker();
    await probe?.stop();
    await temporal?.connection.close();
  });

  it('loses no step and doubles none across two kills', async () => {
    await startWorker();
    const caseNumber = `20261128-${String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0')}`;
    const input: CaseWorkflowInput = {
      caseNumber, channel: 'hotline', sourceRef: `call-${runId}`, requestType: 'complaint', urgency: 'normal', categoryCode: '0208',
      intakeStatus: 'routed',
      routing: { gridId: `${COMMUNITY}-g01`, communityId: COMMUNITY, streetId: STREET, districtId: 'bf-d01', orgPath: ['bf', 'bf-d01', STREET, COMMUNITY, `${COMMUNITY}-g01`] },
      registeredAt: new Date().toISOString(), correlationId: `corr-${runId}`, summary: '井盖缺失 a manhole cover is missing',
    };
    const handle = await temporal.workflow.start('caseWorkflow', { workflowId: caseNumber, taskQueue: env.CASE_TASK_QUEUE, args: [input] });
    const ofCase = (type: string) => (e: EventEnvelope) => e.key === caseNumber && e.type === type;

    // kill 1: the case waits in the community for acceptance; its warning and breach come due while no worker runs
    const dispatched = await probe.waitForEvent(caseDispatchedV1.type, ofCase(caseDispatchedV1.type));
    await killWorker();
    await waitPast((dispatched.data as Data).sla?.deadline);
    await startWorker();
    const escalated = await probe.waitForEvent(caseEscalatedV1.type, ofCase(caseEscalatedV1.type), 60_000);
    expect(escalated.data).toMatchObject({ level: 'street', unitId: STREET, trigger: 'breach' });

    // kill 2: the street summons two departments (吹哨); their report-in windows run out while no worker runs
    await handle.executeUpdate(summonDepartmentsUpdate, { args: [{ actor: { userId: 'street', role: 'street-coordinator', unitId: STREET }, departmentIds: DEPARTMENTS }] });
    const summoned = await probe.waitForEvent(caseDepartmentsSummonedV1.type, ofCase(caseDepartmentsSummonedV1.type));
    await killWorker();
    await waitPast(new Date(Date.parse(summoned.time) + 15_000).toISOString());
    await startWorker();

    // both departments breached their report-in window: each goes to supervision (督办) once
    const status = await eventually(async () => {
      const current = await handle.query(caseStatusQuery);
      return current.supervisionNotices >= DEPARTMENTS.length && current.publishedSequence === current.lastSequence ? current : undefined;
    }, { what: 'supervision of both departments, every event published', timeoutMs: 60_000 });
    expect(status).toMatchObject({ level: 'supervision', currentUnit: STREET, supervisionNotices: DEPARTMENTS.length });

    // Kafka has every event of the case once, sequences 1..n without a gap, exactly as the workflow's timeline
    const timeline = await handle.query(caseTimelineQuery);
    const onKafka = await eventually(async () => {
      const seen = probe.messages.flatMap((m) => (m.event && m.key === caseNumber ? [m.event] : []));
      const sequences = new Set(seen.map(sequenceOf));
      return sequences.size >= timeline.length ? seen : undefined;
    }, { what: `all ${timeline.length} events of the case on Kafka` });
    const bySequence = new Map<number, EventEnvelope>();
    for (const event of onKafka) {
      const sequence = sequenceOf(event);
      const earlier = bySequence.get(sequence);
      // a redelivered message is the same event (same id), never a second one with the same sequence
      if (earlier) expect(earlier.id).toBe(event.id);
      bySequence.set(sequence, event);
    }
    const sequences = [...bySequence.keys()].sort((a, b) => a - b);
    expect(timeline.map((entry) => entry.sequence)).toEqual(timeline.map((_, i) => i));
    expect(sequences).toEqual(timeline.map((entry) => entry.sequence));
    expect(sequences.map((s) => bySequence.get(s)!.type)).toEqual(timeline.map((entry) => entry.type));

    const count = (type: string) => timeline.filter((entry) => entry.type === type).length;
    expect({
      dispatched: count('case.dispatched'),
      escalated: count('case.escalated'),
      summoned: count('case.departments-summoned'),
      supervision: count('case.supervision-issued'),
      breaches: count('case.sla-breached'),
      warnings: count('case.sla-warning'),
    }).toEqual({ dispatched: 1, escalated: 1, summoned: 1, supervision: DEPARTMENTS.length, breaches: 1 + DEPARTMENTS.length, warnings: 1 + DEPARTMENTS.length });
  });
});
