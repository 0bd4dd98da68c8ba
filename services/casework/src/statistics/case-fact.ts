import type { caseCallbackRecordedV1, caseDispatchedV1, CaseEventEnvelope, caseRegisteredV1, EventData } from '@civicflow/contracts';
import { caseNumberOf, occurredAtOf } from '../read-model/case-projection';

/**
 * 案件事实 — one document per case with what the supervisor's figures (三率 and the other audit rates) count.
 * Projected from the case lifecycle events by `applyFactEvent`; every figure is reproducible from these
 * documents, and the drill-down lists exactly the documents behind a figure.
 *
 * Definitions (the figures' arithmetic is in rates.ts):
 * - responded (响应): the assigned unit accepted (签收) the case at all, or a unit acted on it (a street that took
 *   it over summoned departments or resolved it) — or the case was answered directly at intake (一次办结). respondedOnTime: the first acceptance came no later than the acceptance deadline of
 *   the dispatch it answered, and the acceptance window had not been breached before.
 * - resolved (解决): the case is resolved (办结) now — a reopened case (重办) counts again only once it is
 *   resolved again; a direct answer at intake is a resolution. resolvedOnTime: resolved, and no handling window
 *   (community, street, department report-in or answer) was breached before the resolution.
 * - everBreached: any window of the case ran out (超时), acceptance and callback included.
 * - escalated (升级): the case left the community (case.escalated, or departments were summoned).
 * - returned (退单) / reopened (重办): how often.
 * - satisfaction: the latest callback's outcome (回访) — satisfied, basically-satisfied, unsatisfied, or
 *   unreached when the citizen could not be reached; null before any callback.
 * - merged: a duplicate merged into its master case; it lives on in the master and the figures leave it out.
 *
 * Per unit (`units`): every act is put to the unit that did it, at the time it did it — 签收 to the unit that
 * accepted, 退单 to the unit that returned the case (not the one it went to next), 办结 (and the callback that
 * judges it, and a 重办 of it) to the unit that resolved, a breach to the unit whose window ran out, 升级 to the
 * community the case left, 报到 / 答复 to the department (and the callback on the resolution to each department
 * that answered); a street that takes a case over responds by acting on it (summons, resolution); a response is on
 * time when none of the unit's windows had run out before it. A summons withdrawn (撤回) is marked on its department. The figures by community, street and department count
 * these (rates.ts); the case-wide flags above serve the totals, the trend and the figures by category.
 */
export const SATISFACTION_OUTCOMES = ['satisfied', 'basically-satisfied', 'unsatisfied', 'unreached'] as const;
export type SatisfactionOutcome = (typeof SATISFACTION_OUTCOMES)[number];

/** Windows whose breach makes a resolution late (not the acceptance or callback windows). */
export const HANDLING_WINDOWS: readonly string[] = ['community-handling', 'street-handling', 'department-report-in', 'department-answer'];

export type UnitLevel = 'community' | 'street' | 'department';

/** What one unit did with a case (a community or street it was given to, a department summoned to it). */
export interface UnitFact {
  unitId: string;
  level: UnitLevel;
  /** the street the unit belonged to for this case (a community's street; a street itself; the summoning street) */
  streetId: string | null;
  /**
   * responded (响应): accepted it (签收); a street that takes a case over also responds by acting on it (summoning,
   * resolving); a department responds by reporting in (报到)
   */
  responded: boolean;
  /** its first response came before any of its windows ran out (a department: reported in on time, 报到率) */
  respondedOnTime?: boolean;
  /** a department whose summons the street withdrew (撤回) before it was due: not its case unless it had already breached */
  withdrawn?: boolean;
  /** resolved it (办结) and the resolution stands, or for a department: answered (答复) */
  resolved: boolean;
  resolvedOnTime: boolean;
  /** one of this unit's handling windows ran out (makes its resolution late) */
  handlingBreached: boolean;
  /** one of this unit's windows ran out */
  everBreached: boolean;
  /** the case left this unit upward (升级 from the community; 吹哨 from the street) */
  escalated: boolean;
  /** 退单 by this unit */
  returnedCount: number;
  /** 重办 of this unit's resolution */
  reopenedCount: number;
  /** the latest callback on this unit's resolution */
  callbackReached: boolean | null;
  satisfaction: SatisfactionOutcome | null;
}

export interface CaseFactDoc {
  _id: string;
  /** bumped on every write; the optimistic guard of the single-document update */
  revision: number;
  lastSequence: number;
  registeredAt: Date | null;
  channel: string | null;
  requestType: string | null;
  categoryCode: string | null;
  priority: string | null;
  districtId: string | null;
  streetId: string | null;
  communityId: string | null;
  gridId: string | null;
  /** every org unit the case belonged to (city → grid, and re-dispatch targets): the jurisdiction filter */
  orgPath: string[];
  stage: string;
  level: string | null;
  currentUnit: string | null;
  dispatchedAt: Date | null;
  acceptanceDeadline: Date | null;
  acceptedAt: Date | null;
  responded: boolean;
  respondedOnTime: boolean;
  resolved: boolean;
  resolvedAt: Date | null;
  resolvedOnTime: boolean;
  closedAt: Date | null;
  closureReason: string | null;
  everBreached: boolean;
  breachedWindows: string[];
  /** a handling window was breached (makes the next resolution late) */
  handlingBreached: boolean;
  escalated: boolean;
  departmentIds: string[];
  returnedCount: number;
  reopenedCount: number;
  callbackReached: boolean | null;
  satisfaction: SatisfactionOutcome | null;
  merged: boolean;
  /** each unit's acts (absent on facts stored before attribution: their figures go to the case's current units) */
  units?: UnitFact[];
  /** the unit whose resolution the callbacks judge */
  resolvedBy?: string | null;
  updatedAt: Date;
}

export function emptyFact(caseNumber: string, at: Date): CaseFactDoc {
  return {
    _id: caseNumber, revision: 0, lastSequence: 0, registeredAt: null, channel: null, requestType: null, categoryCode: null, priority: null,
    districtId: null, streetId: null, communityId: null, gridId: null, orgPath: [], stage: 'registered', level: null, currentUnit: null,
    dispatchedAt: null, acceptanceDeadline: null, acceptedAt: null, responded: false, respondedOnTime: false, resolved: false, resolvedAt: null,
    resolvedOnTime: false, closedAt: null, closureReason: null, everBreached: false, breachedWindows: [], handlingBreached: false, escalated: false,
    departmentIds: [], returnedCount: 0, reopenedCount: 0, callbackReached: null, satisfaction: null, merged: false, units: [], resolvedBy: null, updatedAt: at,
  };
}

function addUnique(list: string[], ...ids: (string | null | undefined)[]): void {
  for (const id of ids) if (id && !list.includes(id)) list.push(id);
}

/** 一次办结: answered at intake — a response and a resolution, on time, at once. */
function answerDirectly(fact: CaseFactDoc, at: Date): void {
  if (!fact.responded) {
    fact.responded = true;
    fact.respondedOnTime = true;
    fact.acceptedAt = at;
  }
  fact.resolved = true;
  fact.resolvedAt ??= at;
  fact.resolvedOnTime = !fact.handlingBreached;
}

function applyRegistered(fact: CaseFactDoc, data: EventData<typeof caseRegisteredV1>): void {
  const registeredAt = new Date(data.registeredAt);
  fact.registeredAt = registeredAt;
  fact.channel = data.channel;
  fact.requestType = data.requestType;
  fact.categoryCode = data.categoryCode ?? fact.categoryCode;
  fact.priority = data.priority ?? data.urgency ?? fact.priority;
  const orgPath = data.orgPath ?? [];
  // a dispatch seen before (out of order) knows better where the case went: fill only what is still empty
  fact.districtId ??= orgPath[1] ?? null;
  fact.streetId ??= orgPath[2] ?? null;
  fact.communityId ??= orgPath[3] ?? null;
  fact.gridId ??= orgPath[4] ?? null;
  fact.orgPath = [...orgPath, ...fact.orgPath.filter((u) => !orgPath.includes(u))];
  if (data.intakeStatus === 'closed' && fact.lastSequence === 0) {
    fact.stage = 'closed';
    fact.closedAt = registeredAt;
    fact.closureReason = 'direct-answer';
    answerDirectly(fact, registeredAt);
  }
}

function applyDispatched(fact: CaseFactDoc, data: EventData<typeof caseDispatchedV1>, at: Date): void {
  const route = data.route;
  const sameCommunity = (route.communityId ?? null) === fact.communityId;
  fact.streetId = route.streetId ?? fact.streetId;
  fact.communityId = route.communityId ?? (route.streetId ? null : fact.communityId);
  fact.gridId = route.gridId ?? (sameCommunity ? fact.gridId : null);
  addUnique(fact.orgPath, fact.streetId, fact.communityId, fact.gridId);
  fact.dispatchedAt = at;
  fact.acceptanceDeadline = data.sla?.window === 'acceptance' && data.sla.deadline ? new Date(data.sla.deadline) : null;
}

function applyAccepted(fact: CaseFactDoc, at: Date): void {
  if (fact.responded) return;
  fact.responded = true;
  fact.acceptedAt = at;
  const inWindow = fact.acceptanceDeadline === null || at.getTime() <= fact.acceptanceDeadline.getTime();
  fact.respondedOnTime = inWindow && !fact.breachedWindows.includes('acceptance');
}

function applyBreach(fact: CaseFactDoc, window: string | null): void {
  fact.everBreached = true;
  if (!window) return;
  addUnique(fact.breachedWindows, window);
  if (HANDLING_WINDOWS.includes(window) && !fact.resolved) fact.handlingBreached = true;
}

function applyCallback(fact: Pick<CaseFactDoc, 'callbackReached' | 'satisfaction'>, data: EventData<typeof caseCallbackRecordedV1>): void {
  if (data.reached) {
    fact.callbackReached = true;
    fact.satisfaction = data.satisfaction ?? null;
  } else {
    fact.callbackReached = false;
    fact.satisfaction = 'unreached';
  }
}

/**
 * The fact document after one lifecycle event, or `undefined` when the event changes nothing (already applied,
 * or older than what the document shows: events carry a per-case sequence, and `case.registered`, which has
 * none, applies once). Pure; the projector writes the result.
 */
export function applyFactEvent(current: CaseFactDoc | null, event: CaseEventEnvelope): CaseFactDoc | undefined {
  const base = current ?? emptyFact(caseNumberOf(event), new Date(event.time));
  const fact: CaseFactDoc = {
    ...base, orgPath: [...base.orgPath], breachedWindows: [...base.breachedWindows], departmentIds: [...base.departmentIds],
    ...(base.units ? { units: base.units.map((u) => ({ ...u })) } : {}),
  };

  if (event.type === 'case.registered') {
    if (current?.registeredAt) return undefined;
    applyRegistered(fact, event.data);
    return fact;
  }

  const data = event.data;
  const sequence = data.sequence;
  if (sequence !== undefined && sequence <= base.lastSequence) return undefined;
  if (sequence !== undefined) fact.lastSequence = sequence;
  const at = new Date(occurredAtOf(event));

  if (fact.units) attributeAct(fact, fact.units, event, { unitId: base.currentUnit, level: base.level });
  fact.stage = data.stage ?? (event.type === 'case.resolved' ? 'resolved' : fact.stage);
  fact.level = data.level;
  fact.currentUnit = data.unitId;
  if (data.sla?.status === 'breached') applyBreach(fact, data.sla.window);

  switch (event.type) {
    case 'case.dispatched':
      applyDispatched(fact, event.data, at);
      break;
    case 'case.accepted':
      applyAccepted(fact, at);
      break;
    case 'case.returned':
      fact.returnedCount += 1;
      break;
    case 'case.escalated':
      fact.escalated = true;
      break;
    case 'case.departments-summoned':
      applyAccepted(fact, at); // a street that took the case over responds by acting on it
      fact.escalated = true;
      for (const s of event.data.summonses) addUnique(fact.departmentIds, s.departmentId);
      break;
    case 'case.sla-breached':
      applyBreach(fact, event.data.window);
      break;
    case 'case.resolved':
      applyAccepted(fact, at);
      fact.resolved = true;
      fact.resolvedAt = new Date(event.data.resolvedAt);
      fact.resolvedOnTime = !fact.handlingBreached;
      break;
    case 'case.callback-recorded':
      applyCallback(fact, event.data);
      break;
    case 'case.reopened':
      fact.reopenedCount = event.data.reopenCount;
      fact.resolved = false;
      fact.resolvedOnTime = false;
      break;
    case 'case.closed':
      fact.closedAt = at;
      fact.closureReason = event.data.reason;
      if (event.data.reason === 'direct-answer') answerDirectly(fact, at);
      break;
    case 'case.merged':
      fact.merged = true;
      break;
  }
  fact.updatedAt = at;
  return fact;
}

const UNIT_LEVELS: readonly string[] = ['community', 'street', 'department'];

/**
 * Puts one lifecycle event's act to the unit that did it (see the definitions at the top). `holder` is who held
 * the case just before the event — the one that returns it, lets a window run out, or is escalated from.
 */
function attributeAct(fact: CaseFactDoc, units: UnitFact[], event: Exclude<CaseEventEnvelope, { type: 'case.registered' }>, holder: { unitId: string | null; level: string | null }): void {
  const data = event.data;
  const unit = (unitId: string | null | undefined, level: string | null | undefined, streetId: string | null): UnitFact | undefined => {
    if (!unitId) return undefined;
    let found = units.find((u) => u.unitId === unitId);
    if (!found) {
      found = {
        unitId, level: (UNIT_LEVELS.includes(level ?? '') ? level : 'community') as UnitLevel, streetId, responded: false, respondedOnTime: false, resolved: false, resolvedOnTime: false,
        handlingBreached: false, everBreached: false, escalated: false, returnedCount: 0, reopenedCount: 0, callbackReached: null, satisfaction: null,
      };
      units.push(found);
    }
    return found;
  };
  const holding = () => unit(holder.unitId, holder.level, holder.level === 'street' ? holder.unitId : fact.streetId);
  const acting = () => unit(data.unitId ?? holder.unitId, data.level ?? holder.level, data.level === 'street' ? data.unitId : fact.streetId);
  const department = () => unit('departmentId' in data ? data.departmentId : undefined, 'department', fact.streetId);
  // the first response counts, on time when none of the unit's windows had run out before it
  const respond = (responder: UnitFact | undefined) => {
    if (!responder || responder.responded) return;
    responder.responded = true;
    responder.respondedOnTime = !responder.everBreached;
  };
  switch (event.type) {
    case 'case.dispatched': {
      const route = event.data.route;
      unit(event.data.assigneeUnitId, route.communityId ? 'community' : 'street', route.streetId);
      break;
    }
    case 'case.accepted':
      respond(acting());
      break;
    case 'case.returned': {
      const returning = unit(event.data.fromUnitId, holder.level, fact.streetId);
      if (returning) returning.returnedCount += 1;
      break;
    }
    case 'case.escalated': {
      const from = holding();
      if (from) from.escalated = true;
      unit(event.data.unitId, 'street', event.data.unitId);
      break;
    }
    case 'case.departments-summoned': {
      const street = holding() ?? acting();
      respond(street);
      if (street) street.escalated = true;
      for (const s of event.data.summonses) unit(s.departmentId, 'department', street?.streetId ?? fact.streetId);
      break;
    }
    case 'case.department-reported-in':
      respond(department());
      break;
    case 'case.summons-ended': {
      const dept = department();
      if (dept && event.data.ending === 'withdrawn') dept.withdrawn = true;
      break;
    }
    case 'case.department-answered': {
      const dept = department();
      if (dept) {
        dept.resolved = true;
        dept.resolvedOnTime = !dept.handlingBreached;
      }
      break;
    }
    case 'case.sla-breached': {
      const window = event.data.window;
      if (window === 'callback') break;
      const breached = window.startsWith('department-') ? department() : holding();
      if (!breached) break;
      breached.everBreached = true;
      if (HANDLING_WINDOWS.includes(window) && !breached.resolved) breached.handlingBreached = true;
      break;
    }
    case 'case.resolved': {
      const resolver = acting();
      if (!resolver) break;
      respond(resolver);
      resolver.resolved = true;
      resolver.resolvedOnTime = !resolver.handlingBreached;
      fact.resolvedBy = resolver.unitId;
      break;
    }
    case 'case.callback-recorded': {
      // the callback judges the resolving unit and the departments whose answers went into the resolution
      for (const judged of units.filter((u) => u.unitId === fact.resolvedBy || (u.level === 'department' && u.resolved))) applyCallback(judged, event.data);
      break;
    }
    case 'case.reopened': {
      const resolver = units.find((u) => u.unitId === fact.resolvedBy);
      if (resolver) {
        resolver.reopenedCount += 1;
        resolver.resolved = false;
        resolver.resolvedOnTime = false;
      }
      break;
    }
  }
}
