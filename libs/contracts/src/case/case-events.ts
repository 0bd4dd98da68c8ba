import { type EventsOf, typesOf, type WireEventsOf } from '../catalog/event-union';
import { caseDeadlinesRecomputedV1 } from './case-calendar.events';
import {
  caseCallbackDueV1,
  caseCallbackRecordedV1,
  caseClosedV1,
  caseExtensionDecidedV1,
  caseExtensionRequestedV1,
  caseMergedV1,
  caseReopenedV1,
  caseResumedV1,
  caseReviewRequiredV1,
  caseSupervisionIssuedV1,
  caseSuspendedV1,
} from './case-handling.events';
import {
  caseAcceptedV1,
  caseDepartmentAnsweredV1,
  caseDepartmentRefusedV1,
  caseDepartmentReportedInV1,
  caseDepartmentsSummonedV1,
  caseDispatchedV1,
  caseDuplicateAttachedV1,
  caseEscalatedV1,
  caseRefusalDecidedV1,
  caseReturnedV1,
  caseSlaBreachedV1,
  caseSlaWarningV1,
  caseSummonsEndedV1,
} from './case-ladder.events';
import { caseRegisteredV1 } from './case-registered.event';
import { caseResolvedV1 } from './case-resolved.event';

/** Every case-lifecycle event the case workflow publishes (civicflow.case.v1), in the catalog's order. */
export const caseEventContracts = [
  caseRegisteredV1,
  caseResolvedV1,
  caseDispatchedV1,
  caseReturnedV1,
  caseAcceptedV1,
  caseEscalatedV1,
  caseDepartmentsSummonedV1,
  caseDepartmentReportedInV1,
  caseDepartmentRefusedV1,
  caseRefusalDecidedV1,
  caseSummonsEndedV1,
  caseDepartmentAnsweredV1,
  caseSlaWarningV1,
  caseSlaBreachedV1,
  caseSuspendedV1,
  caseResumedV1,
  caseExtensionRequestedV1,
  caseExtensionDecidedV1,
  caseSupervisionIssuedV1,
  caseCallbackDueV1,
  caseCallbackRecordedV1,
  caseReopenedV1,
  caseReviewRequiredV1,
  caseMergedV1,
  caseDuplicateAttachedV1,
  caseClosedV1,
  caseDeadlinesRecomputedV1,
] as const;

type CaseEventContract = (typeof caseEventContracts)[number];

/** A case-lifecycle event as consumers receive it (casework's projections, notification, the console's stream). */
export type CaseEventEnvelope = EventsOf<CaseEventContract>;
export type CaseEventType = CaseEventContract['type'];
/** What the case workflow builds for each event before the envelope is added. */
export type CaseWireEvent = WireEventsOf<CaseEventContract>;

/** The types a case-event consumer subscribes to. */
export const CASE_EVENT_TYPES: readonly CaseEventType[] = typesOf(caseEventContracts) as CaseEventType[];

export function isCaseEvent(event: { type: string }): event is CaseEventEnvelope {
  return (CASE_EVENT_TYPES as readonly string[]).includes(event.type);
}
