// From the domain's events to the case-lifecycle events on Kafka (libs/contracts/src/case). Pure: workflow
// code builds the drafts (with deterministic ids) and the publishing activity validates and sends them.
// Contracts are imported as types only, so zod stays out of the workflow bundle while the compiler still
// checks every field against its schema.
import type { CaseWireEvent, SlaSnapshot } from '@civicflow/contracts';
import { type Actor, type CaseEvent, type CaseState, openSummonses } from '@civicflow/domain';
import { summonsWorkflowId, wireLevel, wireStage } from './case-stage';

/** Every event the case workflow publishes, with its data type checked against its contract (libs/contracts' one list). */
export type { CaseWireEvent };

export type WireActor = { userId: string; role: string; unitId?: string };

/** What the publishing activity receives: an envelope draft with a deterministic id. */
export interface CaseEventDraft {
  id: string;
  type: string;
  key: string;
  correlationId: string;
  causationId?: string;
  actor: WireActor;
  /** When it happened (workflow time), ISO. */
  time: string;
  traceparent?: string;
  data: unknown;
}

export function wireActor(actor: Actor): WireActor {
  return actor.role === 'system' ? { userId: actor.userId, role: 'system' } : { userId: actor.userId, role: actor.role, unitId: actor.unitId };
}

export const iso = (ms: number): string => new Date(ms).toISOString();

/** The fields every case event shares (see caseTransitionFields in the contracts), minus the sequence. */
export function transitionFields(state: CaseState, at: number, caseSla: SlaSnapshot | null) {
  return {
    caseNumber: state.caseId,
    occurredAt: iso(at),
    stage: wireStage(state),
    level: wireLevel(state),
    unitId: state.assignee?.unitId ?? null,
    sla: caseSla,
  };
}

/** Summons number of the department's latest summons (a department may be summoned again after answering). */
export function summonsNumber(state: CaseState, departmentId: string): number {
  return state.summonses.filter((summons) => summons.departmentId === departmentId).length;
}

export interface WireContext {
  /** The case before the transition. */
  before: CaseState;
  /** The case's own SLA clock after a step, as far as the fresh readings know it (null when it has none). */
  caseSla(state: CaseState, at: number): SlaSnapshot | null;
  /** A department's clock after the transition. */
  departmentSla(departmentId: string): SlaSnapshot | null;
  /** When a suspension would run out (for case.suspended), if the case is suspended. */
  resumeBy: number | null;
  /** The callback due instant (for case.resolved and case.callback-due). */
  callbackDueAt: number | null;
  /** Extra facts some events carry: the hotline's callback id, the department behind an automatic 督办. */
  callbackId?: string;
  supervisionDepartmentId?: string;
}

/** One domain event of a transition and the case right after it. */
export interface TransitionStep {
  event: CaseEvent;
  after: CaseState;
}

/** The wire events of one transition, in order, without envelope fields. */
export function toWireEvents(steps: readonly TransitionStep[], ctx: WireContext): Array<{ event: CaseWireEvent; actor: Actor; at: number }> {
  const out: Array<{ event: CaseWireEvent; actor: Actor; at: number }> = [];
  const push = (event: CaseWireEvent, source: CaseEvent) => out.push({ event, actor: source.actor, at: source.at });
  const answered = steps.find((step) => step.event.type === 'CaseAnsweredDirectly')?.event;

  for (const { event: e, after } of steps) {
    const summonsRef = (departmentId: string) => ({ departmentId, summonsId: summonsWorkflowId(after.caseId, departmentId, summonsNumber(after, departmentId)) });
    const caseSla = ctx.caseSla(after, e.at);
    const base = { ...transitionFields(after, e.at, caseSla), sequence: 0 };
    switch (e.type) {
      case 'CaseRegistered':
      case 'CaseClassified':
      case 'CaseAnsweredDirectly':
        break; // case.registered is published once at the start; a direct answer travels in case.closed
      case 'CaseDispatched':
        push({ type: 'case.dispatched', data: { ...base, route: { ...e.route }, assigneeUnitId: e.assignee.unitId, redispatch: e.redispatch } }, e);
        break;
      case 'CaseReturned':
        push({ type: 'case.returned', data: { ...base, fromUnitId: e.unitId, reason: e.reason } }, e);
        break;
      case 'CaseAccepted':
        push({ type: 'case.accepted', data: { ...base } }, e);
        break;
      case 'CaseEscalated':
        push({ type: 'case.escalated', data: { ...base, trigger: e.trigger, from: e.from === 'departments' ? 'department' : e.from, to: e.to, ...(e.note ? { note: e.note } : {}) } }, e);
        break;
      case 'DepartmentsSummoned':
        push({ type: 'case.departments-summoned', data: { ...base, summonses: e.departmentIds.map((id) => ({ ...summonsRef(id), sla: ctx.departmentSla(id) })) } }, e);
        break;
      case 'DepartmentReportedIn':
        push({ type: 'case.department-reported-in', data: { ...base, ...summonsRef(e.departmentId), departmentSla: ctx.departmentSla(e.departmentId) } }, e);
        break;
      case 'DepartmentRefused':
        push({ type: 'case.department-refused', data: { ...base, ...summonsRef(e.departmentId), reason: e.reason } }, e);
        break;
      case 'DepartmentRefusalAccepted':
      case 'DepartmentRefusalOverruled':
        push(
          {
            type: 'case.refusal-decided',
            data: {
              ...base,
              ...summonsRef(e.departmentId),
              decision: e.type === 'DepartmentRefusalAccepted' ? 'accepted' : 'overruled',
              ...(e.note ? { note: e.note } : {}),
              departmentSla: ctx.departmentSla(e.departmentId),
            },
          },
          e,
        );
        break;
      case 'DepartmentSummonsWithdrawn':
      case 'DepartmentSummonsReleased': {
        const ref = summonsRef(e.departmentId);
        const ended = after.summonses.findLast((summons) => summons.departmentId === e.departmentId);
        const before = ctx.before.summonses.findLast((summons) => summons.departmentId === e.departmentId);
        const statusBefore = before?.status === 'reported-in' || before?.status === 'refusal-pending' ? before.status : 'summoned';
        push(
          {
            type: 'case.summons-ended',
            data: {
              ...base,
              ...ref,
              ending: e.type === 'DepartmentSummonsWithdrawn' ? 'withdrawn' : 'released',
              reason: e.reason,
              breached: (ended?.breaches ?? []).length > 0,
              statusBefore,
            },
          },
          e,
        );
        break;
      }
      case 'DepartmentAnswered':
        push({ type: 'case.department-answered', data: { ...base, ...summonsRef(e.departmentId), plan: e.plan, result: e.result } }, e);
        break;
      case 'CaseSuspended':
        push({ type: 'case.suspended', data: { ...base, reason: e.reason, resumeBy: ctx.resumeBy === null ? null : iso(ctx.resumeBy) } }, e);
        break;
      case 'CaseResumed': {
        const since = ctx.before.suspension.current?.since ?? e.at;
        // the departments' clocks ran again too, with deadlines moved: their liaisons' worklists follow them
        const departments = openSummonses(after).map((summons) => ({ departmentId: summons.departmentId, sla: ctx.departmentSla(summons.departmentId) }));
        push({ type: 'case.resumed', data: { ...base, automatic: e.actor.role === 'system', suspendedMs: Math.max(0, e.at - since), ...(departments.length > 0 ? { departments } : {}) } }, e);
        break;
      }
      case 'ExtensionRequested':
        push({ type: 'case.extension-requested', data: { ...base, extra: { ...e.extra }, reason: e.reason } }, e);
        break;
      case 'ExtensionDecided':
        push({ type: 'case.extension-decided', data: { ...base, approved: e.approved, extra: { ...e.extra }, ...(e.note ? { note: e.note } : {}) } }, e);
        break;
      case 'SupervisionNoticeIssued':
        push(
          {
            type: 'case.supervision-issued',
            data: {
              ...base,
              notice: e.notice,
              automatic: e.actor.role === 'system',
              ...(ctx.supervisionDepartmentId ? { departmentId: ctx.supervisionDepartmentId } : {}),
            },
          },
          e,
        );
        break;
      case 'CaseResolved': {
        const level = wireLevel(after) ?? 'community';
        const callbackDueAt = iso(ctx.callbackDueAt ?? e.at);
        push(
          {
            type: 'case.resolved',
            data: {
              caseNumber: after.caseId,
              resolvedAt: iso(e.at),
              level,
              unitId: after.assignee?.unitId ?? e.actor.unitId,
              summary: e.summary,
              callbackDueAt,
              sequence: 0,
              occurredAt: iso(e.at),
              stage: wireStage(after),
              sla: caseSla,
            },
          },
          e,
        );
        push({ type: 'case.callback-due', data: { ...base, callbackDueAt, duplicateCaseNumbers: [...after.duplicateCaseIds] } }, e);
        break;
      }
      case 'CallbackRecorded': {
        const resolvedAt = after.resolution?.at ?? 0;
        const attempt = after.callbacks.filter((callback) => callback.at >= resolvedAt).length || 1;
        push(
          {
            type: 'case.callback-recorded',
            data: {
              ...base,
              reached: e.reached,
              ...(e.satisfaction ? { satisfaction: e.satisfaction } : {}),
              ...(e.comment ? { comment: e.comment } : {}),
              ...(ctx.callbackId ? { callbackId: ctx.callbackId } : {}),
              attempt,
            },
          },
          e,
        );
        break;
      }
      case 'SupervisorReviewRequired':
        push({ type: 'case.review-required', data: { ...base, reopenCount: e.reopenCount } }, e);
        break;
      case 'CaseReopened':
        push({ type: 'case.reopened', data: { ...base, ...(e.reason ? { reason: e.reason } : {}), reopenCount: after.reopenCount } }, e);
        break;
      case 'CaseMerged':
        push({ type: 'case.merged', data: { ...base, masterCaseNumber: e.masterCaseId } }, e);
        break;
      case 'DuplicateAttached':
        push({ type: 'case.duplicate-attached', data: { ...base, duplicateCaseNumber: e.duplicateCaseId } }, e);
        break;
      case 'CaseClosed':
        push(
          {
            type: 'case.closed',
            data: {
              ...base,
              reason: e.reason,
              ...(e.note ? { note: e.note } : {}),
              ...(answered?.type === 'CaseAnsweredDirectly' ? { answer: answered.answer } : {}),
            },
          },
          e,
        );
        break;
    }
  }
  return out;
}
