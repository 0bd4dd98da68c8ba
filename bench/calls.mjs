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

/** Follows calls on Kafka: when each became a case, was dispatched, and when its first notification went out. */
export class CallProbe {
  constructor(kafka, groupId) {
    this.kafka = kafka;
    this.groupId = groupId;
    /** callId → { sentAt, caseNumber?, registeredAt?, dispatchedAt?, notifiedAt? } */
    this.calls = new Map();
    this.byCase = new Map();
  }

  async start() {
    this.consumer = this.kafka.consumer({ groupId: this.groupId, maxWaitTimeInMs: 100 });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: [contracts.caseRegisteredV1.topic, contracts.caseDispatchedV1.topic, contracts.notificationDeliveredV1.topic], fromBeginning: false });
    const joined = new Promise((resolve) => this.consumer.on(this.consumer.events.GROUP_JOIN, resolve));
    await this.consumer.run({ partitionsConsumedConcurrently: 3, eachMessage: async ({ message }) => this.see(JSON.parse(message.value.toString()), Date.now()) });
    await joined;
    return this;
  }

  sent(callId, sentAt) {
    const known = this.calls.get(callId) ?? {};
    this.calls.set(callId, { ...known, sentAt });
  }

  see(event, at) {
    if (event.type === 'case.registered') {
      const call = this.calls.get(event.data.sourceRef) ?? {};
      this.calls.set(event.data.sourceRef, call);
      call.caseNumber = event.data.caseNumber;
      call.registeredAt ??= at;
      this.byCase.set(event.data.caseNumber, call);
    } else if (event.type === 'case.dispatched') {
      const call = this.byCase.get(event.key);
      if (call) call.dispatchedAt ??= at;
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

/** A Kafka client on the bench's broker. */
export function benchKafka(clientId) {
  return platform.createKafka(clientId, { KAFKA_BROKERS: process.env.KAFKA_BROKERS, LOG_LEVEL: 'error' });
}
