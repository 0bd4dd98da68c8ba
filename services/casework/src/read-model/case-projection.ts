import type { EventEnvelope } from '@civicflow/contracts';

/** Stages in which the case is some unit's work (the "open" worklist). */
const WORKING_STAGES = new Set(['registered', 'awaiting-dispatch', 'dispatched', 'returned', 'in-handling', 'suspended']);
/** Sorts cases without a running deadline (paused, not computable) after every dated one. */
export const NO_DEADLINE = new Date('9999-12-31T00:00:00.000Z');

export interface SlaState {
  window: string;
  startedAt: string;
  status: string;
  paused: boolean;
  deadline: string | null;
  warningAt: string | null;
  calendarProblem?: string;
  /** 暂定: computed from the statutory holidays of a year without an official arrangement (recomputed when it is entered) */
  provisional?: true;
}

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
  orgPath: string[];
  categoryCode: string | null;
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

type Data = Record<string, unknown>;

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** Fields of an event that say what happened beyond the common transition fields. */
const DETAIL_FIELDS = ['departmentId', 'summonsId', 'reason', 'note', 'trigger', 'from', 'to', 'decision', 'plan', 'result', 'summary',
  'window', 'action', 'route', 'assigneeUnitId', 'redispatch', 'satisfaction', 'reached', 'notice', 'masterCaseNumber',
  'duplicateCaseNumber', 'approved', 'closureReason', 'callbackDueAt', 'intakeStatus', 'year', 'clocks'];

export function caseNumberOf(event: EventEnvelope): string {
  return str((event.data as Data)?.caseNumber) ?? event.key;
}

export function toTimelineEntry(event: EventEnvelope): TimelineDoc {
  const data = (event.data ?? {}) as Data;
  const detail: Record<string, unknown> = {};
  for (const field of DETAIL_FIELDS) if (data[field] !== undefined) detail[field] = data[field];
  if (Array.isArray(data.summonses)) detail.departmentIds = (data.summonses as Data[]).map((s) => s.departmentId);
  return {
    _id: event.id,
    caseNumber: caseNumberOf(event),
    sequence: typeof data.sequence === 'number' ? data.sequence : 0,
    type: event.type,
    at: str(data.occurredAt) ?? str(data.resolvedAt) ?? str(data.registeredAt) ?? event.time,
    actor: event.actor ? { userId: event.actor.userId, role: event.actor.role, ...(event.actor.unitId ? { unitId: event.actor.unitId } : {}) } : null,
    stage: str(data.stage) ?? (event.type === 'case.registered' ? 'registered' : event.type === 'case.resolved' ? 'resolved' : null),
    level: str(data.level),
    unitId: str(data.unitId),
    sla: (data.sla as SlaState | null | undefined) ?? null,
    detail,
  };
}

function emptyCase(caseNumber: string, at: string): CaseReadDoc {
  return {
    _id: caseNumber, revision: 0, lastSequence: 0, stage: 'registered', level: null, currentUnit: null, streetId: null, communityId: null,
    orgPath: [], categoryCode: null, priority: null, open: true, breached: false, awaitingCallback: false, sla: null, deadline: NO_DEADLINE,
    departments: [], pendingDepartments: [], departmentClocks: {}, registeredAt: null, updatedAt: at,
  };
}

/**
 * The projection's reducer: the case document after one lifecycle event, or `undefined` when the event changes
 * nothing (already applied, or older than what the document shows). Pure; the handler writes the result.
 * Events carry a per-case sequence, so a redelivered or out-of-order event is recognised by it;
 * `case.registered` has none and only fills what the case was registered with.
 */
export function applyCaseEvent(current: CaseReadDoc | null, event: EventEnvelope): CaseReadDoc | undefined {
  if (!event.type.startsWith('case.')) return undefined;
  const data = (event.data ?? {}) as Data;
  const caseNumber = caseNumberOf(event);
  const base = current ?? emptyCase(caseNumber, event.time);
  const next: CaseReadDoc = {
    ...base, departments: [...base.departments], pendingDepartments: [...base.pendingDepartments], orgPath: [...base.orgPath], departmentClocks: { ...(base.departmentClocks ?? {}) },
  };

  if (event.type === 'case.registered') {
    if (current?.registeredAt) return undefined;
    const orgPath = Array.isArray(data.orgPath) ? (data.orgPath as string[]) : [];
    next.orgPath = [...new Set([...orgPath, ...next.orgPath])];
    next.categoryCode = str(data.categoryCode) ?? next.categoryCode;
    next.priority = str(data.priority) ?? str(data.urgency) ?? next.priority;
    next.registeredAt = str(data.registeredAt) ?? event.time;
    if (orgPath.length >= 4 && !next.streetId) next.streetId = orgPath[2] ?? null;
    if (data.intakeStatus === 'closed' && next.lastSequence === 0) {
      next.stage = 'closed';
      next.open = false;
    }
    return next;
  }

  const sequence = typeof data.sequence === 'number' ? data.sequence : undefined;
  if (sequence !== undefined && sequence <= base.lastSequence) return undefined;
  if (sequence !== undefined) next.lastSequence = sequence;

  next.stage = str(data.stage) ?? (event.type === 'case.resolved' ? 'resolved' : next.stage);
  if ('level' in data) next.level = str(data.level);
  if ('unitId' in data) next.currentUnit = str(data.unitId);
  if (next.level === 'community' && next.currentUnit) next.communityId = next.currentUnit;
  if (next.level === 'street' && next.currentUnit) next.streetId = next.currentUnit;
  const route = data.route as { streetId?: string; communityId?: string } | undefined;
  if (route?.streetId) next.streetId = route.streetId;
  if (route?.communityId) next.communityId = route.communityId;
  if ('sla' in data) next.sla = (data.sla as SlaState | null) ?? null;

  switch (event.type) {
    case 'case.departments-summoned':
      for (const s of (data.summonses as Data[] | undefined) ?? []) {
        const id = str(s.departmentId);
        if (!id) continue;
        if (!next.departments.includes(id)) next.departments.push(id);
        if (!next.pendingDepartments.includes(id)) next.pendingDepartments.push(id);
        next.departmentClocks[id] = (s.sla as SlaState | null | undefined) ?? null;
      }
      break;
    case 'case.department-reported-in':
      if (typeof data.departmentId === 'string') next.departmentClocks[data.departmentId] = (data.departmentSla as SlaState | null | undefined) ?? null;
      break;
    case 'case.department-refused': {
      // its clock stops until the street or a supervisor decides
      const clock = typeof data.departmentId === 'string' ? next.departmentClocks[data.departmentId] : undefined;
      if (clock) next.departmentClocks[data.departmentId as string] = { ...clock, paused: true };
      break;
    }
    case 'case.department-answered':
      next.pendingDepartments = next.pendingDepartments.filter((d) => d !== data.departmentId);
      break;
    case 'case.refusal-decided':
      if (data.decision === 'accepted') next.pendingDepartments = next.pendingDepartments.filter((d) => d !== data.departmentId);
      else if (typeof data.departmentId === 'string') next.departmentClocks[data.departmentId] = (data.departmentSla as SlaState | null | undefined) ?? null;
      break;
    case 'case.sla-warning':
    case 'case.sla-breached': {
      if (event.type === 'case.sla-breached') next.breached = true;
      const clock = typeof data.departmentId === 'string' ? next.departmentClocks[data.departmentId] : undefined;
      if (clock) {
        next.departmentClocks[data.departmentId as string] = {
          ...clock, status: event.type === 'case.sla-breached' ? 'breached' : 'warning', deadline: str(data.deadline) ?? clock.deadline,
        };
      }
      break;
    }
    case 'case.suspended':
      for (const [id, clock] of Object.entries(next.departmentClocks)) if (clock) next.departmentClocks[id] = { ...clock, paused: true };
      break;
    case 'case.resumed': {
      const moved = (data.departments as { departmentId: string; sla: SlaState | null }[] | undefined) ?? [];
      for (const { departmentId, sla } of moved) next.departmentClocks[departmentId] = sla;
      // events from before they carried the departments: the clocks run again, their deadlines as last known
      if (moved.length === 0) for (const [id, clock] of Object.entries(next.departmentClocks)) if (clock) next.departmentClocks[id] = { ...clock, paused: false };
      break;
    }
    case 'case.deadlines-recomputed':
      for (const clock of (data.clocks as { departmentId?: string; deadline: string | null }[] | undefined) ?? []) {
        const current = clock.departmentId ? next.departmentClocks[clock.departmentId] : undefined;
        if (current && clock.departmentId) next.departmentClocks[clock.departmentId] = { ...current, deadline: clock.deadline };
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
  next.updatedAt = str(data.occurredAt) ?? str(data.resolvedAt) ?? event.time;
  return next;
}

/** A department's deadline on a case, for its liaison's worklist: NO_DEADLINE while paused, stopped or not computable. */
export function departmentDeadline(doc: Pick<CaseReadDoc, 'departmentClocks'>, departmentId: string): Date {
  const clock = doc.departmentClocks?.[departmentId];
  return clock?.deadline && !clock.paused ? new Date(clock.deadline) : NO_DEADLINE;
}
