import { EventContract, RequestContract } from './define-event';
import { callLoggedV1 } from '../hotline/call-logged.event';
import { callbackRecordedV1 } from '../hotline/callback-recorded.event';
import { caseEventContracts } from '../case/case-events';
import { telephonyCallV1 } from '../hotline/telephony-call.event';
import { caseProjectedV1 } from '../casework/case-projected.event';
import { duplicateMergedV1, manualDispatchQueuedV1 } from '../intake/intake-events';
import { notificationDeliveredV1, notificationFailedV1 } from '../notification/notification-events';
import { mediationEventContracts } from '../mediation/mediation-events';
import { calendarCoverageWarningV1, calendarYearPublishedV1 } from '../grid/calendar.events';
import { routeLocation, routeLocationReplyV1, routeLocationRequestV1 } from '../grid/route-location.request';
import { gridDatasetChangedV1 } from '../grid/grid-dataset-changed.event';
import { monthlyReportGeneratedV1 } from '../statistics/monthly-report-generated.event';

/** Every message CivicFlow produces. Producers and consumers validate against these; docs/events.md is generated from them. */
export const eventCatalog: readonly EventContract[] = [
  callLoggedV1,
  callbackRecordedV1,
  duplicateMergedV1,
  manualDispatchQueuedV1,
  ...caseEventContracts,
  caseProjectedV1,
  telephonyCallV1,
  routeLocationRequestV1,
  routeLocationReplyV1,
  gridDatasetChangedV1,
  notificationDeliveredV1,
  notificationFailedV1,
  ...mediationEventContracts,
  calendarYearPublishedV1,
  calendarCoverageWarningV1,
  monthlyReportGeneratedV1,
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
