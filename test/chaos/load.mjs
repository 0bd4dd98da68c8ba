// The users: an open-loop stream of 12345 calls (arrivals at a fixed rate, whatever the system's state), and the
// people who act on the cases those calls become — the community accepts and resolves, the street escalates and
// summons (吹哨), the department reports in and answers, the operator calls the citizen back. Every request goes
// through the consoles (the gateway, round robin, the next one when one is down) with a request id of its own, so
// a retry after a fault is the same command, applied once. A command the case refuses (409) ends that case's
// plan; what was applied is what the case's state is checked against.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { pointInside } = require('@civicflow/grid');

const COMMUNITY = 'bf-d01-s01-c01';
const DEPARTMENT = 'dept-urban-management';
/** 锦华社区's grids: every call is placed in the community the demo users work for. */
const GRIDS = Array.from({ length: 10 }, (_, i) => `${COMMUNITY}-g${String(i + 1).padStart(2, '0')}`);
const CENTRES = GRIDS.map((grid) => pointInside(grid));
/**
 * Call `index`'s place: its grid's interior point moved on a lattice of 5·10⁻⁷° (~5 cm) steps, 32 a side (1.6 m), so
 * no two calls share a point — the run's duplicate radius (1 cm) then joins none of them into one case (合并).
 */
function placeOf(index) {
  const { lng, lat } = CENTRES[index % GRIDS.length];
  const slot = Math.floor(index / GRIDS.length);
  return { lng: +(lng + (slot % 32) * 5e-7).toFixed(7), lat: +(lat + Math.floor(slot / 32) % 32 * 5e-7).toFixed(7) };
}

/**
 * What the users do with a case, by share of calls: close it (签收 → 办结 → 回访满意), take it through the street and a
 * department first, leave it in handling after 签收, or leave it alone (its acceptance window runs out: the timer
 * takes it up to the street).
 */
export const PLANS = {
  close: ['accept', 'resolve', 'callback'],
  summon: ['accept', 'escalate', 'summonDepartments', 'reportIn', 'answer', 'resolve', 'callback'],
  open: ['accept'],
  timer: [],
};
const PLAN_OF = [...Array(10).fill('close'), ...Array(3).fill('summon'), ...Array(4).fill('open'), ...Array(3).fill('timer')];

/** The event after which each step can be taken. */
const AFTER = {
  accept: 'case.dispatched', resolve: 'case.accepted', escalate: 'case.accepted', summonDepartments: 'case.escalated',
  reportIn: 'case.departments-summoned', answer: 'case.department-reported-in', callback: 'case.resolved',
};
const WHO = { accept: 'community', resolve: 'community', escalate: 'community', summonDepartments: 'street', reportIn: 'liaison', answer: 'liaison', callback: 'operator' };
/** Who takes a step: the street resolves a case it took up. */
const whoTakes = (plan, step) => (plan === 'summon' && step === 'resolve' ? 'street' : WHO[step]);
const BODY = {
  accept: {}, escalate: { note: '需要执法 chaos' }, summonDepartments: { departmentIds: [DEPARTMENT] }, reportIn: { departmentId: DEPARTMENT },
  answer: { departmentId: DEPARTMENT, plan: '现场处置', result: '已处理 done' }, resolve: { summary: '已办结 resolved' },
};

/** The consoles in turn; a console that cannot be reached is skipped for the call (the next one takes it). */
class Gateway {
  constructor(consoles, stats) {
    this.consoles = consoles;
    this.turn = 0;
    this.tokens = new Map();
    this.stats = stats;
  }

  async request(method, path, { who, body, requestId, attempts = Infinity } = {}) {
    for (let attempt = 1; ; attempt++) {
      const base = this.consoles[this.turn++ % this.consoles.length];
      try {
        const headers = { 'content-type': 'application/json', ...(requestId ? { 'x-request-id': requestId, 'idempotency-key': requestId } : {}) };
        if (who) headers.authorization = `Bearer ${await this.token(who)}`;
        const res = await fetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(60_000) });
        const text = await res.text();
        if (res.status === 401 && who) this.tokens.delete(who);
        // the gateway or a service is away (or mid-restart): the same request again, as a user would press again
        if (res.status >= 500 || res.status === 401) throw Object.assign(new Error(`${res.status} ${text.slice(0, 200)}`), { status: res.status });
        return { status: res.status, body: text ? JSON.parse(text) : undefined };
      } catch (error) {
        this.stats.retries += 1;
        if (attempt >= attempts) throw error;
        await sleep(Math.min(5_000, 250 * attempt));
      }
    }
  }

  async token(who) {
    const cached = this.tokens.get(who);
    if (cached && cached.at > Date.now() - 4 * 60_000) return cached.token;
    const res = await this.request('POST', '/api/session/login', { body: { username: who, password: 'civicflow' } });
    if (res.status !== 200 && res.status !== 201) throw new Error(`login ${who}: ${res.status}`);
    this.tokens.set(who, { token: res.body.accessToken, at: Date.now() });
    return res.body.accessToken;
  }
}

export class Load {
  /** call id → { index, plan, caseNumber?, applied: string[], refused?: {step, reason}, next: number } */
  calls = new Map();
  stats = { offered: 0, accepted: 0, rejected: 0, retries: 0, commands: 0, refused: 0 };

  constructor({ consoles, observer, calls, ratePerSecond, runId, log }) {
    this.runTag = runId;
    this.gateway = new Gateway(consoles, this.stats);
    this.observer = observer;
    this.total = calls;
    this.rate = ratePerSecond;
    this.log = log;
    this.inFlight = new Set();
    observer.onEvent((caseNumber, event) => this.onCaseEvent(caseNumber, event));
  }

  /** Offers the calls at the set rate (open loop: a slow answer does not slow the arrivals). */
  async offerCalls() {
    const started = Date.now();
    for (let i = 0; i < this.total; i++) {
      const due = started + (i * 1000) / this.rate;
      if (due > Date.now()) await sleep(due - Date.now());
      this.track(this.offerCall(i));
    }
    await Promise.all(this.inFlight);
  }

  async offerCall(index) {
    this.stats.offered += 1;
    const callerNumber = `139${String(10_000_000 + index).slice(-8)}`;
    const res = await this.gateway.request('POST', '/api/hotline/calls', {
      who: 'operator', requestId: `chaos-call-${this.runTag}-${index}`,
      body: { callerNumber, content: `路灯不亮 第${index}号 chaos`, requestType: 'complaint', categoryCode: '0208', location: placeOf(index), notifyBySms: true },
    });
    if (res.status !== 202 && res.status !== 200) {
      this.stats.rejected += 1;
      this.log(`call ${index} not accepted: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
      return;
    }
    this.stats.accepted += 1;
    const callId = res.body.callId;
    if (!this.calls.has(callId)) this.calls.set(callId, { index, plan: PLAN_OF[index % PLAN_OF.length], applied: [], next: 0, callerMasked: res.body.callerMasked });
    // the case may have been registered before the answer came back
    const known = this.observer.casesOfCall.get(callId);
    if (known) for (const event of this.observer.cases.get(known[0]) ?? []) this.onCaseEvent(known[0], event);
  }

  onCaseEvent(caseNumber, event) {
    if (event.type === 'case.registered') {
      const call = this.calls.get(event.data.sourceRef);
      if (call && !call.caseNumber) {
        call.caseNumber = caseNumber;
        this.byCase ??= new Map();
        this.byCase.set(caseNumber, call);
      }
    }
    const call = this.byCase?.get(caseNumber);
    if (!call) return;
    const step = PLANS[call.plan][call.next];
    if (!step || call.refused || call.busy) return;
    if ((this.observer.cases.get(caseNumber) ?? []).some((e) => e.type === AFTER[step])) this.track(this.take(call, step));
  }

  /** One user's step on a case, retried through faults until the case answers yes or no. */
  async take(call, step) {
    call.busy = true;
    try {
      this.stats.commands += 1;
      const requestId = `chaos-${call.caseNumber}-${step}`;
      const res = step === 'callback'
        ? await this.callBack(call, requestId)
        : await this.gateway.request('POST', `/api/casework/cases/${call.caseNumber}/commands/${step}`, { who: whoTakes(call.plan, step), body: BODY[step], requestId });
      if (res.status >= 200 && res.status < 300) {
        call.applied.push(step);
        call.next += 1;
      } else {
        this.stats.refused += 1;
        call.refused = { step, status: res.status, reason: res.body?.reason?.code ?? res.body?.message };
      }
    } finally {
      call.busy = false;
    }
    // the event the next step waits for may already be here
    const events = this.observer.cases.get(call.caseNumber) ?? [];
    if (events.length) this.onCaseEvent(call.caseNumber, events[events.length - 1]);
  }

  /** 回访: the operator finds the case's callback task and records a satisfied citizen. */
  async callBack(call, requestId) {
    for (;;) {
      const task = await this.pendingCallbackOf(call.caseNumber);
      if (task) {
        const res = await this.gateway.request('POST', `/api/hotline/callbacks/${task.callbackId}/result`, {
          who: 'operator', requestId, body: { reached: true, satisfaction: 'satisfied', resolved: true },
        });
        // recorded by an earlier try whose answer was lost: the task is no longer pending
        if (res.status === 409 && !(await this.pendingCallbackOf(call.caseNumber))) return { status: 200 };
        return res;
      }
      await sleep(2_000);
    }
  }

  /** The pending callback tasks, read once for all cases that wait for theirs (the operator's list). */
  async pendingCallbackOf(caseNumber) {
    const now = Date.now();
    if (!this.pending || now - this.pending.at > 1_500) {
      this.pending = { at: now, list: this.gateway.request('GET', '/api/hotline/callbacks?status=pending&limit=200', { who: 'operator' }).then((res) => res.body?.callbacks ?? []) };
    }
    return (await this.pending.list).find((task) => task.caseNumber === caseNumber);
  }

  track(promise) {
    const tracked = promise.catch((error) => this.log(`load: ${error.message}`)).finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
  }

  /** Cases whose plan still has a step to take (and was not refused). */
  unfinished() {
    return [...this.calls.values()].filter((call) => !call.refused && call.next < PLANS[call.plan].length);
  }

  async idle() {
    while (this.inFlight.size > 0) await Promise.all(this.inFlight);
  }
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
