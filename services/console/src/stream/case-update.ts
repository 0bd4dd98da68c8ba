import type { EventEnvelope } from '@civicflow/contracts';
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

type Data = Record<string, unknown>;
const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);

export function caseUpdateOf(event: EventEnvelope): CaseUpdate {
  const data = (event.data ?? {}) as Data;
  const unitId = str(data.unitId);
  const stage = str(data.stage) ?? (event.type === 'case.registered' ? 'registered' : event.type === 'case.resolved' ? 'resolved' : null);
  const units = new Set<string>();
  if (unitId) units.add(unitId);
  const department = str(data.departmentId);
  if (department) units.add(department);
  for (const summons of (Array.isArray(data.summonses) ? data.summonses : []) as Data[]) {
    const id = str(summons.departmentId);
    if (id) units.add(id);
  }
  return {
    message: { type: 'case-updated', caseNumber: str(data.caseNumber) ?? event.key, eventType: event.type, unitId, stage },
    units: [...units],
  };
}

/** Roles that supervise (the role table) hear about every case; everybody else about cases their own unit holds (or their department is summoned to). */
export function mayReceive(user: Pick<AuthUser, 'role' | 'unitId'>, update: CaseUpdate): boolean {
  return supervises(user.role) || update.units.includes(user.unitId);
}
