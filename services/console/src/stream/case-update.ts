import type { caseProjectedV1, EventData, EventEnvelope } from '@civicflow/contracts';
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
  /** units that hear about it: every unit that sees the case (its org path down to the grid, the holder, departments) */
  units: string[];
}

/**
 * A case update from casework's `casework.case-projected` — sent once its worklists and timeline show the event, so
 * a screen that reloads on it finds the case (the raw case event comes before casework has written it).
 */
export function caseUpdateOf(event: EventEnvelope<EventData<typeof caseProjectedV1>>): CaseUpdate {
  const data = event.data;
  return {
    message: { type: 'case-updated', caseNumber: data.caseNumber, eventType: data.eventType, unitId: data.unitId, stage: data.stage },
    units: data.units,
  };
}

/** Roles that supervise (the role table) hear about every case; everybody else about cases their unit sees. */
export function mayReceive(user: Pick<AuthUser, 'role' | 'unitId'>, update: CaseUpdate): boolean {
  return supervises(user.role) || update.units.includes(user.unitId);
}
