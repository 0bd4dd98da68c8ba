import { EventContract, RequestContract } from './define-event';
import { callLoggedV1 } from '../hotline/call-logged.event';
import { callbackRecordedV1 } from '../hotline/callback-recorded.event';
import { caseRegisteredV1 } from '../case/case-registered.event';
import { caseResolvedV1 } from '../case/case-resolved.event';
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
} from '../case/case-ladder.events';
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
} from '../case/case-handling.events';
import { duplicateMergedV1, manualDispatchQueuedV1 } from '../intake/intake-events';
import { notificationDeliveredV1, notificationFailedV1 } from '../notification/notification-events';
import {
  agreementFollowedUpV1,
  agreementReachedV1,
  disputeOpenedV1,
  disputeReopenedV1,
  disputeResolvedV1,
  followUpDueV1,
  mediationFailedV1,
  mediatorAssignedV1,
  sessionHeldV1,
  sessionReminderV1,
  sessionScheduledV1,
} from '../mediation/mediation-events';
import { caseDeadlinesRecomputedV1 } from '../case/case-calendar.events';
import { calendarCoverageWarningV1, calendarYearPublishedV1 } from '../grid/calendar.events';
import { routeLocation, routeLocationReplyV1, routeLocationRequestV1 } from '../grid/route-location.request';
import { gridDatasetChangedV1 } from '../grid/grid-dataset-changed.event';

/** Every message CivicFlow produces. Producers and consumers validate against these; docs/events.md is generated from them. */
export const eventCatalog: readonly EventContract[] = [
  callLoggedV1,
  callbackRecordedV1,
  duplicateMergedV1,
  manualDispatchQueuedV1,
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
  routeLocationRequestV1,
  routeLocationReplyV1,
  gridDatasetChangedV1,
  notificationDeliveredV1,
  notificationFailedV1,
  disputeOpenedV1,
  mediatorAssignedV1,
  sessionScheduledV1,
  sessionHeldV1,
  agreementReachedV1,
  mediationFailedV1,
  agreementFollowedUpV1,
  sessionReminderV1,
  followUpDueV1,
  disputeReopenedV1,
  disputeResolvedV1,
  calendarYearPublishedV1,
  calendarCoverageWarningV1,
];

/** Request types paired with the replies their handlers send. */
export const requestCatalog: readonly RequestContract[] = [routeLocation];

export function replyContractFor(request: EventContract): EventContract | undefined {
  return requestCatalog.find((r) => r.request.type === request.type && r.request.version === request.version)?.reply;
}

const byTypeAndVersion = new Map(eventCatalog.map((c) => [`${c.type}@${c.version}`, c]));

export function findContract(type: string, version: number): EventContract | undefined {
  return byTypeAndVersion.get(`${type}@${version}`);
}

export function contractsOnTopic(topic: string): EventContract[] {
  return eventCatalog.filter((c) => c.topic === topic);
}
