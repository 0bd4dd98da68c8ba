// Reconciliation from the outside, once the load and the faults are over: what the users were told (accepted calls,
// applied and refused commands) against what the system holds — the case events on Kafka, the workflows in
// Temporal's visibility, the casework projection and the notifications in the database, the dead-letter topics.
import { createRequire } from 'node:module';
import { PLANS } from './load.mjs';

const require = createRequire(import.meta.url);
const { deadLetterSource } = require('@civicflow/platform');

/** The state a case must be in after the commands applied to it and the timers that ran. */
export function expectedState(call) {
  const applied = new Set(call.applied);
  if (applied.has('callback')) return { stage: 'closed' };
  if (applied.has('resolve')) return { stage: 'resolved' };
  // summoned: the street and its departments hold it (the level the projection shows is the workflow's to say)
  if (applied.has('summonDepartments')) return { stage: 'in-handling' };
  if (applied.has('escalate')) return { stage: 'in-handling', level: 'street' };
  if (applied.has('accept')) return { stage: 'in-handling', level: 'community' };
  // nobody accepted it: the acceptance window ran out and the timer took it up to the street
  return { stage: 'in-handling', level: 'street' };
}

const sequenceOf = (event) => (event.type === 'case.registered' ? 0 : event.data.sequence);

export async function reconcile({ load, observer, mongo, database, temporal, kafka, dltStart, groups }) {
  const counts = {
    accepted: load.calls.size, cases: 0, missing: 0, duplicated: 0, unclaimedCases: 0, workflows: 0, workflowsMissing: 0,
    wrongState: 0, eventGaps: 0, eventsDoubled: 0, appliedTwiceOrMissed: 0, deadLettered: 0, deadLetteredTwice: 0,
    smsDoubled: 0, smsMissing: 0, inboxDoubled: 0, inboxMissing: 0, commandsRefused: 0,
  };
  // every problem counted by its kind (what a fix needs to know: all 1,019 projections behind, or some doubled?),
  // with up to 10 samples of each kind to look at
  const problems = [];
  const problemKinds = {};
  const note = (kind, detail) => {
    problemKinds[kind] = (problemKinds[kind] ?? 0) + 1;
    if (problemKinds[kind] <= 10) problems.push({ kind, ...detail });
  };

  // every accepted call has exactly one case
  const ours = new Map();
  for (const [callId, call] of load.calls) {
    const numbers = [...new Set(observer.casesOfCall.get(callId) ?? [])];
    if (numbers.length === 0) {
      counts.missing += 1;
      note('missing', { callId, index: call.index });
    } else if (numbers.length > 1) {
      counts.duplicated += 1;
      note('duplicated', { callId, numbers });
    }
    if (numbers[0]) ours.set(numbers[0], call);
    if (call.refused) counts.commandsRefused += 1;
  }
  counts.cases = ours.size;
  for (const [ref, numbers] of observer.casesOfCall) if (!load.calls.has(ref)) counts.unclaimedCases += numbers.length;

  // one workflow per case (Temporal visibility)
  const workflows = new Set();
  for await (const wf of temporal.workflow.list({ query: `WorkflowType = 'caseWorkflow'` })) workflows.add(wf.workflowId);
  counts.workflows = workflows.size;
  for (const caseNumber of ours.keys()) if (!workflows.has(caseNumber)) {
    counts.workflowsMissing += 1;
    note('workflow missing', { caseNumber });
  }

  // the casework projection
  const db = (service) => mongo.db(`${database}_${service}`);
  const projected = new Map((await db('casework').collection('case_worklist').find({}, { projection: { stage: 1, level: 1, revision: 1, lastSequence: 1 } }).toArray()).map((d) => [d._id, d]));

  for (const [caseNumber, call] of ours) {
    const events = observer.cases.get(caseNumber) ?? [];
    // each transition published once, none skipped: sequences 0..n, one event each
    const bySequence = new Map();
    for (const event of events) bySequence.set(sequenceOf(event), [...(bySequence.get(sequenceOf(event)) ?? []), event.id]);
    const last = Math.max(...bySequence.keys());
    if ([...bySequence.values()].some((ids) => ids.length > 1)) {
      counts.eventsDoubled += 1;
      note('event published twice', { caseNumber, sequences: [...bySequence].filter(([, ids]) => ids.length > 1).map(([s]) => s) });
    }
    if (bySequence.size !== last + 1) {
      counts.eventGaps += 1;
      note('sequence gap', { caseNumber, have: [...bySequence.keys()].sort((a, b) => a - b) });
    }
    const final = events.filter((e) => sequenceOf(e) === last).map((e) => e.data)[0];
    const view = projected.get(caseNumber);
    // each event applied once: the projection's revision counts the events it applied
    if (!view || view.revision !== bySequence.size || view.lastSequence !== last) {
      counts.appliedTwiceOrMissed += 1;
      const how = !view ? 'missing' : view.revision > bySequence.size ? 'applied twice' : view.lastSequence < last ? 'behind' : 'missed an event';
      note(`projection ${how}`, { caseNumber, revision: view?.revision, lastSequence: view?.lastSequence, events: bySequence.size });
    }
    const expected = expectedState(call);
    const matches = (state) => state && state.stage === expected.stage && (expected.level === undefined || state.level === expected.level);
    if (!matches(final) || !matches(view)) {
      counts.wrongState += 1;
      note(matches(final) ? 'wrong state: projection only' : 'wrong state: workflow', { caseNumber, plan: call.plan, applied: call.applied, refused: call.refused, expected, workflow: final && { stage: final.stage, level: final.level }, projection: view && { stage: view.stage, level: view.level } });
    }
  }

  // no SMS and no inbox item sent twice; none missing
  const sms = await db('notification').collection('sink_messages').find({ channel: 'sms' }, { projection: { caseNumber: 1, template: 1, to: 1 } }).toArray();
  const smsBy = countBy(sms, (m) => `${m.caseNumber}|${m.template.split('.')[0]}|${m.to}`);
  counts.smsDoubled = [...smsBy.values()].filter((n) => n > 1).length;
  const inbox = await db('notification').collection('inbox_items').find({}, { projection: { userId: 1, caseNumber: 1, eventType: 1 } }).toArray();
  const inboxBy = countBy(inbox, (i) => `${i.userId}|${i.caseNumber}|${i.eventType}`);
  counts.inboxDoubled = [...inboxBy.values()].filter((n) => n > 1).length;
  for (const [key, n] of [...smsBy, ...inboxBy]) if (n > 1) note('notification twice', { key, n });
  const smsOf = countBy(sms, (m) => `${m.caseNumber}|${m.template.startsWith('case-resolved') ? 'resolved' : m.template.startsWith('case-registered') ? 'registered' : 'other'}`);
  const inboxOf = new Set(inbox.map((i) => `${i.userId}|${i.caseNumber}|${i.eventType}`));
  for (const [caseNumber, call] of ours) {
    const types = new Set((observer.cases.get(caseNumber) ?? []).map((e) => e.type));
    const wanted = [['registered', true], ['resolved', types.has('case.resolved')]].filter(([, due]) => due).map(([kind]) => kind);
    for (const kind of wanted) if (!smsOf.has(`${caseNumber}|${kind}`)) {
      counts.smsMissing += 1;
      note('sms missing', { caseNumber, kind, plan: call.plan });
    }
    const items = [['community', 'case.dispatched', types.has('case.dispatched')], ['street', 'case.escalated', types.has('case.escalated')]];
    for (const [userId, type, due] of items) if (due && !inboxOf.has(`${userId}|${caseNumber}|${type}`)) {
      counts.inboxMissing += 1;
      note('inbox item missing', { caseNumber, userId, type });
    }
  }

  // every dead letter counted, with its reason, and the command that replays it
  // the run's own: other users of the same servers (tests, another run) dead-letter into the same topics
  const deadLetters = (await readDeadLetters(kafka, dltStart)).filter((d) => groups.has(d.group));
  // one message given up on by two replicas around a rebalance is two letters, replayed once (deadLetterSource)
  const sources = new Set(deadLetters.map((d, i) => d.source ?? `unnamed ${i}`));
  counts.deadLettered = sources.size;
  counts.deadLetteredTwice = deadLetters.length - sources.size;
  const reasons = countBy(deadLetters, (d) => `${d.topic} [${d.group}] ${d.reason}`);
  const replay = [...new Set(deadLetters.map((d) => `npm run dlt -- replay ${d.originalTopic} ${d.group}`))];

  const failed = ['missing', 'duplicated', 'workflowsMissing', 'wrongState', 'eventGaps', 'eventsDoubled', 'appliedTwiceOrMissed', 'smsDoubled', 'smsMissing', 'inboxDoubled', 'inboxMissing']
    .filter((key) => counts[key] > 0);
  return { counts, problemKinds, problems, deadLetterReasons: Object.fromEntries(reasons), replay, failed, unfinishedPlans: load.unfinished().length, plans: Object.keys(PLANS) };
}

/** Dead letters written since the run began: topic, reason and consumer group from their headers. */
async function readDeadLetters(kafka, dltStart) {
  const admin = kafka.admin();
  await admin.connect();
  const letters = [];
  try {
    for (const [topic, start] of dltStart) {
      const end = new Map((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, Number(p.high)]));
      const expected = [...end].reduce((sum, [p, high]) => sum + Math.max(0, high - (start.get(p) ?? 0)), 0);
      if (expected === 0) continue;
      const consumer = kafka.consumer({ groupId: `chaos-dlt-reader-${Date.now()}-${Math.random()}` });
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: true });
      const header = (m, name) => m.headers?.[name]?.toString('utf8');
      const seen = [];
      await consumer.run({ eachMessage: async ({ partition, message }) => {
        if (Number(message.offset) < (start.get(partition) ?? 0)) return;
        seen.push({ topic, originalTopic: header(message, 'dlt-original-topic') ?? topic.replace(/\.dlt$/, ''), group: header(message, 'dlt-consumer-group'), reason: (header(message, 'dlt-reason') ?? '').slice(0, 160), source: deadLetterSource(message.headers) });
      } });
      const until = Date.now() + 30_000;
      while (seen.length < expected && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 200));
      await consumer.disconnect();
      letters.push(...seen);
    }
  } finally {
    await admin.disconnect();
  }
  return letters;
}

function countBy(items, key) {
  const counts = new Map();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}
