import type { CaseEventEnvelope, SlaSnapshot } from '@civicflow/contracts';

/** Stages in which the case is some unit's work (the "open" worklist). */
const WORKING_STAGES = new Set(['registered', 'awaiting-dispatch', 'dispatched', 'returned', 'in-handling', 'suspended']);
/** Sorts cases without a running deadline (paused, not computable) after every dated one. */
export const NO_DEADLINE = new Date('9999-12-31T00:00:00.000Z');

/** An SLA clock as the events showed it (the contracts' snapshot: window, status, deadline, paused, provisional …). */
export type SlaState = SlaSnapshot;

/** One document per case: what the worklists filter on (equality only: currentUnit, stage, open, breached). */
export interface CaseReadDoc {
  _id: string;
  /** bumped on every write; the optimistic guard of the single-document update */
  revision: number;
  lastSequence: number;
  stage: string;
  level: string | null;
  currentUnit: string | null;
  streetId: string | null;
  communityId: string | null;
  /** the grid the case is routed to (网格员 see their grid's cases); null when dispatched without one */
  gridId?: string | null;
  orgPath: string[];
  categoryCode: string | null;
  /** 受理摘要, address and point as reported (case.registered): what worklists and maps show */
  summary?: string | null;
  address?: string | null;
  location?: { lng: number; lat: number } | null;
  priority: string | null;
  open: boolean;
  breached: boolean;
  awaitingCallback: boolean;
  sla: SlaState | null;
  deadline: Date;
  /** every department summoned, and those that still owe an answer */
  departments: string[];
  pendingDepartments: string[];
  /**
   * Each pending department's own clock (报到 window, then 答复 window) as the events last showed it, by department
   * id: what its liaison's worklist shows and sorts by — not the street's deadline. null while it has none running.
   */
  departmentClocks: Record<string, SlaState | null>;
  registeredAt: string | null;
  updatedAt: string;
}

/** One document per event (`_id` = event id): the timeline. */
export interface TimelineDoc {
  _id: string;
  caseNumber: string;
  sequence: number;
  type: string;
  at: string;
  actor: { userId: string; role: string; unitId?: string } | null;
  stage: string | null;
  level: string | null;
  unitId: string | null;
  sla: SlaState | null;
  detail: Record<string, unknown>;
}

/** Fields of an event that say what happened beyond the common transition fields. */
const DETAIL_FIELDS = ['departmentId', 'summonsId', 'reason', 'note', 'trigger', 'from', 'to', 'decision', 'plan', 'result', 'summary',
  'window', 'action', 'route', 'assigneeUnitId', 'redispatch', 'satisfaction', 'reached', 'notice', 'masterCaseNumber',
  'duplicateCaseNumber', 'approved', 'closureReason', 'callbackDueAt', 'intakeStatus', 'year', 'clocks', 'ending', 'breached', 'statusBefore', 'channel', 'requestType'] as const;

export function caseNumberOf(event: CaseEventEnvelope): string {
  return event.data.caseNumber;
}

/** When it happened: the transition's instant (resolution, registration), else the envelope's. */
export function occurredAtOf(event: CaseEventEnvelope): string {
  const { data } = event;
  if (event.type === 'case.registered') return event.data.registeredAt;
  return ('occurredAt' in data ? data.occurredAt : undefined) ?? ('resolvedAt' in data ? data.resolvedAt : undefined) ?? event.time;
}

/** The stage after the event (case.registered and older case.resolved events do not carry one). */
function stageOf(event: CaseEventEnvelope): string | null {
  if (event.type === 'case.registered') return 'registered';
  return event.data.stage ?? (event.type === 'case.resolved' ? 'resolved' : null);
}

export function toTimelineEntry(event: CaseEventEnvelope): TimelineDoc {
  const data: Record<string, unknown> = event.data;
  const detail: Record<string, unknown> = {};
  for (const field of DETAIL_FIELDS) if (data[field] !== undefined) detail[field] = data[field];
  if (event.type === 'case.departments-summoned') detail.departmentIds = event.data.summonses.map((s) => s.departmentId);
  const transition = event.type === 'case.registered' ? undefined : event.data;
  return {
    _id: event.id,
    caseNumber: caseNumberOf(event),
    sequence: transition?.sequence ?? 0,
    type: event.type,
    at: occurredAtOf(event),
    actor: event.actor ? { userId: event.actor.userId, role: event.actor.role, ...(event.actor.unitId ? { unitId: event.actor.unitId } : {}) } : null,
    stage: stageOf(event),
    level: transition?.level ?? null,
    unitId: transition?.unitId ?? null,
    sla: transition?.sla ?? null,
    detail,
  };
}

function emptyCase(caseNumber: string, at: string): CaseReadDoc {
  return {
    _id: caseNumber, revision: 0, lastSequence: 0, stage: 'registered', level: null, currentUnit: null, streetId: null, communityId: null,
    gridId: null, orgPath: [], categoryCode: null, summary: null, address: null, location: null, priority: null, open: true, breached: false, awaitingCallback: false, sla: null, deadline: NO_DEADLINE,
    departments: [], pendingDepartments: [], departmentClocks: {}, registeredAt: null, updatedAt: at,
  };
}

/**
 * The projection's reducer: the case document after one lifecycle event, or `undefined` when the event changes
 * nothing (already applied, or older than what the document shows). Pure; the handler writes the result.
 * Events carry a per-case sequence, so a redelivered or out-of-order event is recognised by it;
 * `case.registered` has none and only fills what the case was registered with.
 */
export function applyCaseEvent(current: CaseReadDoc | null, event: CaseEventEnvelope): CaseReadDoc | undefined {
  const caseNumber = caseNumberOf(event);
  const base = current ?? emptyCase(caseNumber, event.time);
  const next: CaseReadDoc = {
    ...base, departments: [...base.departments], pendingDepartments: [...base.pendingDepartments], orgPath: [...base.orgPath], departmentClocks: { ...(base.departmentClocks ?? {}) },
  };

  if (event.type === 'case.registered') {
    if (current?.registeredAt) return undefined;
    const { data } = event;
    const orgPath = data.orgPath ?? [];
    next.orgPath = [...new Set([...orgPath, ...next.orgPath])];
    next.categoryCode = data.categoryCode ?? next.categoryCode;
    next.priority = data.priority ?? data.urgency ?? next.priority;
    next.registeredAt = data.registeredAt;
    if (orgPath.length >= 4 && !next.streetId) next.streetId = orgPath[2] ?? null;
    if (orgPath.length >= 5 && !next.gridId) next.gridId = orgPath[4] ?? null;
    next.summary = data.summary ?? next.summary ?? null;
    next.address = data.address ?? next.address ?? null;
    if (data.location) next.location = { lng: data.location.lng, lat: data.location.lat };
    if (data.intakeStatus === 'closed' && next.lastSequence === 0) {
      next.stage = 'closed';
      next.open = false;
    }
    return next;
  }

  const data = event.data;
  const sequence = data.sequence;
  if (sequence !== undefined && sequence <= base.lastSequence) return undefined;
  if (sequence !== undefined) next.lastSequence = sequence;

  next.stage = stageOf(event) ?? next.stage;
  next.level = data.level;
  next.currentUnit = data.unitId;
  if (next.level === 'community' && next.currentUnit) next.communityId = next.currentUnit;
  if (next.level === 'street' && next.currentUnit) next.streetId = next.currentUnit;
  if (event.type === 'case.dispatched') {
    next.streetId = event.data.route.streetId;
    if (event.data.route.communityId) next.communityId = event.data.route.communityId;
    // a (re-)dispatch names the grid, or leaves none: the grid worker of the old grid no longer sees it
    next.gridId = event.data.route.gridId ?? null;
  }
  if (data.sla !== undefined) next.sla = data.sla;

  switch (event.type) {
    case 'case.departments-summoned':
      for (const s of event.data.summonses) {
        if (!next.departments.includes(s.departmentId)) next.departments.push(s.departmentId);
        if (!next.pendingDepartments.includes(s.departmentId)) next.pendingDepartments.push(s.departmentId);
        next.departmentClocks[s.departmentId] = s.sla ?? null;
      }
      break;
    case 'case.department-reported-in':
      next.departmentClocks[event.data.departmentId] = event.data.departmentSla;
      break;
    case 'case.department-refused': {
      // its clock stops until the street or a supervisor decides
      const clock = next.departmentClocks[event.data.departmentId];
      if (clock) next.departmentClocks[event.data.departmentId] = { ...clock, paused: true };
      break;
    }
    case 'case.department-answered':
      next.pendingDepartments = next.pendingDepartments.filter((d) => d !== event.data.departmentId);
      break;
    case 'case.refusal-decided':
      if (event.data.decision === 'accepted') next.pendingDepartments = next.pendingDepartments.filter((d) => d !== event.data.departmentId);
      else next.departmentClocks[event.data.departmentId] = event.data.departmentSla ?? null;
      break;
    case 'case.summons-ended': // 撤回 or 解除: the department owes nothing more
      next.pendingDepartments = next.pendingDepartments.filter((d) => d !== event.data.departmentId);
      break;
    case 'case.sla-warning':
    case 'case.sla-breached': {
      if (event.type === 'case.sla-breached') next.breached = true;
      const departmentId = event.data.departmentId;
      const clock = departmentId ? next.departmentClocks[departmentId] : undefined;
      if (departmentId && clock) {
        next.departmentClocks[departmentId] = { ...clock, status: event.type === 'case.sla-breached' ? 'breached' : 'warning', deadline: event.data.deadline ?? clock.deadline };
      }
      break;
    }
    case 'case.suspended':
      for (const [id, clock] of Object.entries(next.departmentClocks)) if (clock) next.departmentClocks[id] = { ...clock, paused: true };
      break;
    case 'case.resumed': {
      const moved = event.data.departments ?? [];
      for (const { departmentId, sla } of moved) next.departmentClocks[departmentId] = sla;
      // events from before they carried the departments: the clocks run again, their deadlines as last known
      if (moved.length === 0) for (const [id, clock] of Object.entries(next.departmentClocks)) if (clock) next.departmentClocks[id] = { ...clock, paused: false };
      break;
    }
    case 'case.deadlines-recomputed':
      for (const clock of event.data.clocks) {
        const known = clock.departmentId ? next.departmentClocks[clock.departmentId] : undefined;
        if (!known || !clock.departmentId) continue;
        // official once the year is entered: the liaison's worklist stops saying 暂定
        const { provisional: _was, ...rest } = known;
        next.departmentClocks[clock.departmentId] = { ...rest, deadline: clock.deadline, ...(clock.provisional ? { provisional: true as const } : {}) };
      }
      break;
    case 'case.closed':
    case 'case.merged':
      next.pendingDepartments = [];
      break;
  }
  // only the departments still at work keep a clock
  next.departmentClocks = Object.fromEntries(Object.entries(next.departmentClocks).filter(([id]) => next.pendingDepartments.includes(id)));
  if (next.sla?.status === 'breached') next.breached = true;
  next.open = WORKING_STAGES.has(next.stage);
  next.awaitingCallback = next.stage === 'resolved';
  next.deadline = next.sla?.deadline && !next.sla.paused ? new Date(next.sla.deadline) : NO_DEADLINE;
  next.updatedAt = occurredAtOf(event);
  return next;
}

/** A department's deadline on a case, for its liaison's worklist: NO_DEADLINE while paused, stopped or not computable. */
export function departmentDeadline(doc: Pick<CaseReadDoc, 'departmentClocks'>, departmentId: string): Date {
  const clock = doc.departmentClocks?.[departmentId];
  return clock?.deadline && !clock.paused ? new Date(clock.deadline) : NO_DEADLINE;
}
