// Reads the case lifecycle topic from where the run began, as an outside observer would: every case event once per
// event id (a redelivery is seen again and set aside), by case, in offset order. The load's users react to it
// (a dispatched case is accepted, a resolved one called back) and the reconciliation counts from it.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { caseRegisteredV1 } = require('@civicflow/contracts');

export class CaseObserver {
  /** case number → events in the order they arrived (distinct event ids) */
  cases = new Map();
  /** call id (the case's sourceRef) → case numbers registered for it */
  casesOfCall = new Map();
  seenIds = new Set();
  /** the same event id delivered again */
  redelivered = 0;
  listeners = new Set();

  constructor(kafka, runId) {
    this.kafka = kafka;
    this.groupId = `chaos-observer-${runId}`;
  }

  async start() {
    this.consumer = this.kafka.consumer({ groupId: this.groupId, allowAutoTopicCreation: false, retry: { retries: Number.MAX_SAFE_INTEGER, maxRetryTime: 5_000 } });
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: caseRegisteredV1.topic, fromBeginning: false });
    await this.consumer.run({ partitionsConsumedConcurrently: 3, eachMessage: async ({ message }) => this.take(message) });
  }

  /** Called with (caseNumber, event) for each first sighting. */
  onEvent(listener) {
    this.listeners.add(listener);
  }

  take(message) {
    let event;
    try {
      event = JSON.parse(message.value.toString('utf8'));
    } catch {
      return;
    }
    if (this.seenIds.has(event.id)) {
      this.redelivered += 1;
      return;
    }
    this.seenIds.add(event.id);
    const caseNumber = event.key;
    if (!this.cases.has(caseNumber)) this.cases.set(caseNumber, []);
    this.cases.get(caseNumber).push(event);
    if (event.type === 'case.registered') {
      const ref = event.data.sourceRef;
      this.casesOfCall.set(ref, [...(this.casesOfCall.get(ref) ?? []), caseNumber]);
    }
    for (const listener of this.listeners) listener(caseNumber, event);
  }

  async stop() {
    await this.consumer?.disconnect();
  }
}
