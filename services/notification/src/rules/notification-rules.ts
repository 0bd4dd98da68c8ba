import {
  caseProjectedV1, telephonyCallV1,
  calendarYearPublishedV1, callbackRecordedV1, caseCallbackRecordedV1, caseDeadlinesRecomputedV1, disputeReopenedV1, disputeResolvedV1, gridDatasetChangedV1,
  notificationDeliveredV1, notificationFailedV1, sessionHeldV1,
} from '@civicflow/contracts';
import { calendarRules } from './calendar-rules';
import { caseRules } from './case-rules';
import { mediationRules } from './mediation-rules';
import { statisticsRules } from './statistics-rules';
import { NotificationRule, SilentEvent } from './notice';

export { departmentUnitId, ROLE_AT_LEVEL } from './case-units';

/**
 * 通知规则: event type → who is told what. Adding an event is one entry in case-rules.ts or mediation-rules.ts
 * (or calendar-rules.ts, statistics-rules.ts) plus its texts in templates/message-templates.ts; the consumer subscribes to every contract listed, so a
 * new context's topic is subscribed by its first rule.
 */
export const notificationRules: readonly NotificationRule[] = [...caseRules, ...mediationRules, ...calendarRules, ...statisticsRules];

/**
 * Events that tell no one, on purpose. Every event in the catalog is either ruled above or listed here with
 * its reason (a unit test holds the catalog to it), so a new event cannot be forgotten silently.
 */
export const SILENT_EVENTS: readonly SilentEvent[] = [
  { contract: callbackRecordedV1, why: 'the operator recorded it; the case answers with case.callback-recorded and what follows it' },
  { contract: caseCallbackRecordedV1, why: 'the operator who called recorded it; what follows (closed, reopened, review) has its own notice' },
  { contract: sessionHeldV1, why: 'the mediator wrote the minutes and the attendees were in the room' },
  { contract: disputeReopenedV1, why: 'published with agreement-followed-up (kept=false), whose notice already tells the mediator to mediate again' },
  { contract: disputeResolvedV1, why: 'the mediator recorded the last kept term; the original case\'s case.resolved tells its reporters and unit' },
  { contract: caseDeadlinesRecomputedV1, why: 'every open case touching the year recomputes at once: the worklists and the case page show the new deadline and the timeline says why; a breach it causes has its own notice' },
  { contract: calendarYearPublishedV1, why: 'the administrator entered it; the coverage warnings stop and each case recomputes (case.deadlines-recomputed)' },
  { contract: notificationDeliveredV1, why: "this service's own outcome, announced for others to count" },
  { contract: notificationFailedV1, why: "this service's own outcome; administrators see failures in the delivery status API" },
  { contract: gridDatasetChangedV1, why: 'a signal between machines: routers reload the grid data, no person needs to hear of it' },
  { contract: caseProjectedV1, why: 'a signal between machines: live screens refresh on it; the case event it follows has its own notice' },
  { contract: telephonyCallV1, why: 'the call rings at the operator’s phone; the console pops up the call form for them' },
];

/** Every event type the service consumes: the message controller subscribes to exactly these. */
export const NOTIFIED_EVENT_TYPES: string[] = [...new Set(notificationRules.map((r) => r.contract.type))];

export function ruleFor(type: string, version: number): NotificationRule | undefined {
  return notificationRules.find((r) => r.contract.type === type && r.contract.version === version);
}
