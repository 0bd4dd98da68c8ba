import type {
  CaseLevel, CaseStage, caseClosedV1, caseDepartmentsSummonedV1, caseDispatchedV1, caseMergedV1, caseRegisteredV1, caseReturnedV1, EventData, EventEnvelope,
} from '@civicflow/contracts';
import type { CaseViewDoc } from './case-view.schema';

/** What else follows from an event besides the view: intake's dispatch queue and open-case index. */
export type CaseViewEffect =
  | { type: 'enter-dispatch-queue'; reason: 'manual-queue' | 'returned'; returnedBy?: string; returnReason?: string }
  | { type: 'leave-dispatch-queue' }
  | { type: 'enter-open-index' }
  | { type: 'leave-open-index' };

/** A registration: fills what the case was registered with, and starts the view if no later event has. */
export interface RegistrationChange {
  kind: 'registered';
  caseNumber: string;
  facts: Pick<CaseViewDoc, 'registeredAt' | 'intakeStatus'>;
  initial: Omit<CaseViewDoc, '_id' | 'registeredAt' | 'intakeStatus'>;
  /** apply only while the view shows nothing later than the registration */
  effects: CaseViewEffect[];
}

/** A transition with its sequence: applied when newer than the view, and its effects with it. */
export interface TransitionChange {
  kind: 'transition';
  caseNumber: string;
  sequence: number;
  set: Partial<CaseViewDoc>;
  addDepartments: string[];
  effects: CaseViewEffect[];
}

export type CaseViewChange = RegistrationChange | TransitionChange;

type Data = Record<string, unknown>;
const TERMINAL: CaseViewEffect[] = [{ type: 'leave-dispatch-queue' }, { type: 'leave-open-index' }];

/**
 * The change one case event makes to the case's view, or undefined for an event that changes nothing here. Pure:
 * the handler applies it with one conditional write by `_id` and carries out the effects.
 */
export function caseViewChangeOf(event: EventEnvelope): CaseViewChange | undefined {
  if (!event.type.startsWith('case.')) return undefined;
  const data = event.data as Data;
  const caseNumber = typeof data.caseNumber === 'string' ? data.caseNumber : event.key;

  if (event.type === 'case.registered') {
    const registered = data as EventData<typeof caseRegisteredV1>;
    const closed = registered.intakeStatus === 'closed';
    const orgPath = registered.intakeStatus === 'routed' ? (registered.orgPath ?? []) : [];
    return {
      kind: 'registered',
      caseNumber,
      facts: { registeredAt: new Date(registered.registeredAt), ...(registered.intakeStatus ? { intakeStatus: registered.intakeStatus } : {}) },
      initial: {
        lastSequence: 0, stage: closed ? 'closed' : 'registered', level: null, unitId: null, route: null, visibleTo: orgPath, departments: [],
        updatedAt: new Date(registered.registeredAt),
      },
      // intake filed the case in the open-case index when it handed it over; a replay of the events (a new
      // consumer group, a rebuilt database) files it again here
      effects: closed ? [] : [...(registered.intakeStatus === 'manual-queue' ? [{ type: 'enter-dispatch-queue', reason: 'manual-queue' } as const] : []), { type: 'enter-open-index' }],
    };
  }

  if (typeof data.sequence !== 'number') return undefined;
  const set: Partial<CaseViewDoc> = {
    updatedAt: new Date(typeof data.occurredAt === 'string' ? data.occurredAt : typeof data.resolvedAt === 'string' ? data.resolvedAt : event.time),
  };
  if (typeof data.stage === 'string') set.stage = data.stage as CaseStage;
  else if (event.type === 'case.resolved') set.stage = 'resolved';
  if ('level' in data) set.level = (data.level as CaseLevel | null) ?? null;
  if ('unitId' in data) set.unitId = (data.unitId as string | null) ?? null;
  if ('sla' in data) {
    const sla = data.sla as { deadline?: string | null; provisional?: boolean } | null;
    set.deadline = sla?.deadline ? new Date(sla.deadline) : null;
    set.deadlineProvisional = !!sla?.deadline && sla.provisional === true;
  }
  const addDepartments: string[] = [];
  let effects: CaseViewEffect[] = [];

  switch (event.type) {
    case 'case.dispatched': {
      const { route } = data as EventData<typeof caseDispatchedV1>;
      set.route = { streetId: route.streetId, ...(route.communityId ? { communityId: route.communityId } : {}), ...(route.gridId ? { gridId: route.gridId } : {}) };
      set.returnedBy = null;
      effects = [{ type: 'leave-dispatch-queue' }];
      break;
    }
    case 'case.returned': {
      const { fromUnitId, reason } = data as EventData<typeof caseReturnedV1>;
      set.route = null;
      set.visibleTo = [];
      set.returnedBy = fromUnitId;
      effects = [{ type: 'enter-dispatch-queue', reason: 'returned', returnedBy: fromUnitId, returnReason: reason }];
      break;
    }
    case 'case.departments-summoned':
      addDepartments.push(...(data as EventData<typeof caseDepartmentsSummonedV1>).summonses.map((s) => s.departmentId));
      break;
    case 'case.resolved':
      effects = [{ type: 'leave-open-index' }];
      break;
    case 'case.reopened':
      effects = [{ type: 'enter-open-index' }];
      break;
    case 'case.merged':
      set.masterCaseNumber = (data as EventData<typeof caseMergedV1>).masterCaseNumber;
      effects = TERMINAL;
      break;
    case 'case.closed':
      set.closureReason = (data as EventData<typeof caseClosedV1>).reason;
      effects = TERMINAL;
      break;
  }
  return { kind: 'transition', caseNumber, sequence: data.sequence, set, addDepartments, effects };
}
