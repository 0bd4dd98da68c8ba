import type { CaseEventEnvelope } from '@civicflow/contracts';
import { supervises } from '@civicflow/domain';
import type { AuthUser } from '@civicflow/platform';

/** What a connected user is told when a case relevant to their unit moves. */
export interface CaseUpdatedMessage {
  type: 'case-updated';
  caseNumber: string;
  eventType: string;
  /** the unit holding the case after the event (null before dispatch and after a return) */
  unitId: string | null;
  stage: string | null;
}

export interface CaseUpdate {
  message: CaseUpdatedMessage;
  /** units that hear about it: the holding unit, and the department a summons event concerns */
  units: string[];
}

export function caseUpdateOf(event: CaseEventEnvelope): CaseUpdate {
  const transition = event.type === 'case.registered' ? undefined : event.data;
  const unitId = transition?.unitId ?? null;
  const stage = event.type === 'case.registered' ? 'registered' : (event.data.stage ?? (event.type === 'case.resolved' ? 'resolved' : null));
  const units = new Set<string>();
  if (unitId) units.add(unitId);
  if ('departmentId' in event.data && event.data.departmentId) units.add(event.data.departmentId);
  if (event.type === 'case.departments-summoned') for (const summons of event.data.summonses) units.add(summons.departmentId);
  return {
    message: { type: 'case-updated', caseNumber: event.data.caseNumber, eventType: event.type, unitId, stage },
    units: [...units],
  };
}

/** Roles that supervise (the role table) hear about every case; everybody else about cases their own unit holds (or their department is summoned to). */
export function mayReceive(user: Pick<AuthUser, 'role' | 'unitId'>, update: CaseUpdate): boolean {
  return supervises(user.role) || update.units.includes(user.unitId);
}
