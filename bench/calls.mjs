// Calls through the hotline API of a running system, and a probe that follows each one on Kafka:
// call → case.registered (its case number) → case.dispatched → the first notification delivered for the case.
import { contracts, platform, require } from './lib.mjs';

const CATEGORIES = ['0208', '0204', '0202', '0205', '0203'];

/**
 * The request body of the i-th bench call: a complaint in a grid of its own (7919 is prime to the 800 demo grids, so
 * no two calls of a run fall in one dedup cell and nothing is merged), from a phone number of its own.
 */
export function benchCall(i, { categories = CATEGORIES } = {}) {
  const grid = require('@civicflow/grid');
  const gridIds = grid.demoCity().grids.features.map((f) => f.properties.id);
  return {
    callerNumber: `139${String(10_000_000 + i).slice(-8)}`,
    content: `基准测试来电 bench call ${i}`,
    requestType: 'complaint',
    categoryCode: categories[i % categories.length],
    location: grid.pointInside(gridIds[(i * 7919) % gridIds.length]),
  };
}

/** POST /api/v1/calls; resolves with the call id and the time the request was sent. */
export async function logCall(hotlineUrl, token, body) {
  const sentAt = Date.now();
  const response = await fetch(`${hotlineUrl}/api/v1/calls`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body),
  });
  if (response.status !== 202) throw new Error(`POST /api/v1/calls: ${response.status} ${await response.text()}`);
  const { callId } = await response.json();
  return { callId, sentAt, answeredAt: Date.now() };
}

/**
 * Follows calls on Kafka: when each was announced (hotline.call-logged), became a case, was dispatched, and when its
 * first notification went out — each stage both as the probe saw it and as its event says (`time`: the hotline's
 * clock for the call, the workflow's for its events; intake's receipt is case.registered's `registeredAt`), so a
 * run shows which hand-off the time goes to (see `stages`).
 */
export class CallProbe {
  constructor(kafka, groupId) {
    this.kafka = kafka;
    this.groupId = groupId;
    /** callId → { sentAt, loggedAt?, caseNumber?, receivedAt?, registeredTime?, registeredAt?, dispatchedTime?, dispatchedAt?, notifiedAt? } */
    this.calls = new Map();
    this.byCase = new Map();
  }

  async start() {
    this.consumer = this.kafka.consumer({ groupId: this.groupId, maxWaitTimeInMs: 100 });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: [contracts.callLoggedV1.topic, contracts.caseRegisteredV1.topic, contracts.caseDispatchedV1.topic, contracts.notificationDeliveredV1.topic], fromBeginning: false });
    const joined = new Promise((resolve) => this.consumer.on(this.consumer.events.GROUP_JOIN, resolve));
    await this.consumer.run({ partitionsConsumedConcurrently: 3, eachMessage: async ({ message }) => this.see(JSON.parse(message.value.toString()), Date.now()) });
    await joined;
    return this;
  }

  sent(callId, sentAt) {
    const known = this.calls.get(callId) ?? {};
    this.calls.set(callId, { ...known, sentAt });
  }

  callOf(callId) {
    const call = this.calls.get(callId) ?? {};
    this.calls.set(callId, call);
    return call;
  }

  see(event, at) {
    if (event.type === 'hotline.call-logged') {
      const call = this.callOf(event.data.callId);
      call.loggedAt ??= at;
    } else if (event.type === 'case.registered') {
      const call = this.callOf(event.data.sourceRef);
      call.caseNumber = event.data.caseNumber;
      call.receivedAt ??= Date.parse(event.data.registeredAt);
      call.registeredTime ??= Date.parse(event.time);
      call.registeredAt ??= at;
      this.byCase.set(event.data.caseNumber, call);
    } else if (event.type === 'case.dispatched') {
      const call = this.byCase.get(event.key);
      if (call) {
        call.dispatchedTime ??= Date.parse(event.time);
        call.dispatchedAt ??= at;
      }
    } else if (event.type === 'notification.delivered' && event.data.caseNumber) {
      const call = this.byCase.get(event.data.caseNumber);
      if (call) call.notifiedAt ??= at;
    }
  }

  /** Waits until every sent call reached `stage` (registeredAt, dispatchedAt, notifiedAt) or the time is up. */
  async waitFor(stage, timeoutMs) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if ([...this.calls.values()].every((c) => c.sentAt === undefined || c[stage] !== undefined)) return true;
      await new Promise((r) => setTimeout(r, 200));
    }
    return false;
  }

  async stop() {
    await this.consumer?.disconnect();
  }
}

/**
 * Where a call's time goes, hand-off by hand-off, as p50/p95/p99 ms over the calls that got through each one:
 * API → Kafka (the hotline stores the call and publishes hotline.call-logged), Kafka → intake (consumer lag until
 * intake's handler received it), intake → workflow (intake's work: dedup, routing, number, workflow start — up to
 * the first workflow task, whose time the case's events carry), workflow → Kafka (the publishing activity and
 * the broker, to the probe), and registered → dispatched as the probe saw them.
 */
export function stages(calls, percentile) {
  const HANDOFFS = [
    ['API → call-logged on Kafka', 'sentAt', 'loggedAt'],
    ['call-logged → intake received', 'loggedAt', 'receivedAt'],
    ['intake received → first workflow task', 'receivedAt', 'registeredTime'],
    ['workflow task → case.registered on Kafka', 'registeredTime', 'registeredAt'],
    ['case.registered → case.dispatched on Kafka', 'registeredAt', 'dispatchedAt'],
    ['call → case.dispatched (whole)', 'sentAt', 'dispatchedAt'],
  ];
  return HANDOFFS.map(([name, from, to]) => {
    const spans = calls.filter((c) => c[from] !== undefined && c[to] !== undefined).map((c) => c[to] - c[from]).sort((a, b) => a - b);
    return { name, count: spans.length, p50: percentile(spans, 50), p95: percentile(spans, 95), p99: percentile(spans, 99), max: spans.at(-1) };
  });
}

/** A Kafka client on the bench's broker. */
export function benchKafka(clientId) {
  return platform.createKafka(clientId, { KAFKA_BROKERS: process.env.KAFKA_BROKERS, LOG_LEVEL: 'error' });
}

/**
 * Inside "intake received → first workflow task" and after it, from the case workflows' own histories (a sample of
 * `limit` cases): intake's work up to the start (received → WorkflowExecutionStarted), Temporal's and the worker's
 * share (started → first workflow task started: the task waiting for a poller), the first task's own run (started →
 * completed), the publishing activity waiting for a slot (scheduled → started) and running (started → completed:
 * the Kafka send).
 */
export async function temporalStages(address, namespace, calls, percentile, limit = 60) {
  const { Connection, Client } = require('@temporalio/client');
  const { tsToMs } = require('@temporalio/common/lib/time');
  const connection = await Connection.connect({ address });
  const client = new Client({ connection, namespace });
  const spans = { 'intake received → workflow started': [], 'workflow started → first task started': [], 'first task started → completed': [], 'activity scheduled → started': [], 'activity started → completed': [] };
  try {
    for (const call of calls.filter((c) => c.caseNumber && c.receivedAt).slice(0, limit)) {
      const { events } = await client.workflow.getHandle(call.caseNumber).fetchHistory();
      const at = (type) => {
        const event = events.find((e) => e[type]);
        return event ? tsToMs(event.eventTime) : undefined;
      };
      const started = at('workflowExecutionStartedEventAttributes');
      const taskStarted = at('workflowTaskStartedEventAttributes');
      const taskCompleted = at('workflowTaskCompletedEventAttributes');
      const activityScheduled = at('activityTaskScheduledEventAttributes');
      const activityStarted = at('activityTaskStartedEventAttributes');
      const activityCompleted = at('activityTaskCompletedEventAttributes');
      const push = (name, from, to) => { if (from !== undefined && to !== undefined) spans[name].push(to - from); };
      push('intake received → workflow started', call.receivedAt, started);
      push('workflow started → first task started', started, taskStarted);
      push('first task started → completed', taskStarted, taskCompleted);
      push('activity scheduled → started', activityScheduled, activityStarted);
      push('activity started → completed', activityStarted, activityCompleted);
    }
  } finally {
    await connection.close();
  }
  return Object.entries(spans).map(([name, values]) => {
    const sorted = values.sort((a, b) => a - b);
    return { name, count: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted.at(-1) };
  });
}

/**
 * One open-loop phase on a running system: `rate` calls/s for `seconds` through the hotline API (the i-th call
 * leaves at its time, answered or not), calls numbered from `first`, then up to `drainSeconds` for them to be
 * dispatched and 10 s more for their first notifications. Returns the calls as the probe saw them, when the phase
 * started, refused calls, and CPU-seconds per process over the phase (from /proc).
 */
export async function openLoopPhase({ urls, token, probe, processes, cpuSeconds, rate, seconds, drainSeconds = 120, first = 0 }) {
  const count = Math.max(1, Math.round(rate * seconds));
  const ids = [];
  const failures = [];
  const cpuBefore = processes.map((p) => cpuSeconds(p.pid));
  const startedAt = Date.now();
  const sends = Array.from({ length: count }, (_, i) => new Promise((resolve) => setTimeout(resolve, Math.max(0, startedAt + (i * 1000) / rate - Date.now())))
    .then(() => logCall(urls.hotline, token, benchCall(first + i)))
    .then(({ callId, sentAt }) => { probe.sent(callId, sentAt); ids.push(callId); }, (error) => failures.push(error)));
  await Promise.all(sends);
  const drained = await probe.waitFor('dispatchedAt', drainSeconds * 1000);
  await probe.waitFor('notifiedAt', drained ? 10_000 : 0);
  const cpu = processes.map((p, i) => ({ name: p.name, cpu: cpuSeconds(p.pid) - cpuBefore[i] }));
  const calls = ids.map((id) => ({ callId: id, ...probe.calls.get(id) }));
  return { count, calls, startedAt, wall: (Date.now() - startedAt) / 1000, failures, cpu };
}

/** What a phase came to: sorted latencies call → dispatched and → first notification, the last dispatch, CPU. */
export function summarise({ calls, cpu }) {
  const latencies = (stage) => calls.filter((c) => c[stage] !== undefined).map((c) => c[stage] - c.sentAt).sort((a, b) => a - b);
  const measured = cpu.filter((p) => Number.isFinite(p.cpu));
  return {
    dispatched: latencies('dispatchedAt'),
    notified: latencies('notifiedAt'),
    lastDone: Math.max(...calls.filter((c) => c.dispatchedAt).map((c) => c.dispatchedAt)),
    cpuTotal: measured.reduce((s, p) => s + p.cpu, 0),
    top: (n) => [...measured].sort((a, b) => b.cpu - a.cpu).slice(0, n),
  };
}
