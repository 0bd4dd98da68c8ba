import {
  callLoggedV1, caseRegisteredV1, caseResolvedV1, duplicateMergedV1, manualDispatchQueuedV1, Role,
} from '@civicflow/contracts';
import { ORG_LEVEL_DEPTH } from '@civicflow/domain';
import { sourceRef } from '../recipients/recipient';
import { NotificationRule, rule, RuleContext } from './notice';

/** Which role answers for a case at each level of the ladder (case.resolved names the level and the unit). */
export const ROLE_AT_LEVEL: Record<'community' | 'street' | 'department' | 'supervision', Role> = {
  community: 'community-handler',
  street: 'street-coordinator',
  department: 'department-liaison',
  supervision: 'supervisor',
};

/**
 * The reporter of a call or report: the ref the event carries, else the one learned from the hotline's
 * call-logged event, else the source itself (`source:hotline:<callId>`), resolved when the message is sent.
 */
async function reporterOf(channel: string, ref: string, carried: string | undefined, context: RuleContext): Promise<string> {
  return carried ?? (await context.facts.reporterOfSource(channel, ref)) ?? sourceRef(channel, ref);
}

/** case.registered v1 has no reporter field yet; read one if a later version of the contract adds it. */
function carriedReporter(data: object): string | undefined {
  const value = (data as { reporterRef?: unknown }).reporterRef;
  return typeof value === 'string' && value ? value : undefined;
}

/**
 * 通知规则: event type → who is told what. Adding an event is one entry here plus its texts in
 * templates/message-templates.ts; the consumer subscribes to every contract listed.
 */
export const notificationRules: readonly NotificationRule[] = [
  rule({
    contract: callLoggedV1,
    // tells no one: remembers whose call it was, since case.registered carries only the call id
    remember: (event, { facts, now }) => facts.recordSource('hotline', event.data.callId, event.data.callerRef, now),
    notices: () => [],
  }),

  rule({
    contract: caseRegisteredV1,
    remember: async ({ data }, context) => {
      const reporter = await reporterOf(data.channel, data.sourceRef, carriedReporter(data), context);
      await context.facts.recordCase(data.caseNumber, { categoryCode: data.categoryCode, orgPath: data.orgPath, urgency: data.urgency }, context.now);
      await context.facts.addReporter(data.caseNumber, reporter, context.now);
    },
    notices: async ({ data }, context) => {
      // answered on the phone (一次办结): the caller already has the answer, a "registered" SMS would confuse
      if (data.intakeStatus === 'closed') return [];
      return [
        {
          template: 'case-registered.citizen',
          audience: { kind: 'citizen', citizenRef: await reporterOf(data.channel, data.sourceRef, carriedReporter(data), context) },
          urgent: data.urgency === 'urgent',
          facts: { caseNumber: data.caseNumber, categoryCode: data.categoryCode, unitId: data.orgPath?.[ORG_LEVEL_DEPTH.community], at: data.registeredAt },
        },
      ];
    },
  }),

  rule({
    contract: duplicateMergedV1,
    remember: async ({ data }, context) => {
      const reporter = await reporterOf(data.channel, data.sourceRef, data.reporterRef, context);
      await context.facts.addReporter(data.masterCaseNumber, reporter, context.now);
    },
    notices: async ({ data }, context) => {
      const master = await context.facts.get(data.masterCaseNumber);
      return [
        {
          template: 'duplicate-merged.citizen',
          audience: { kind: 'citizen', citizenRef: await reporterOf(data.channel, data.sourceRef, data.reporterRef, context) },
          facts: { caseNumber: data.masterCaseNumber, categoryCode: master?.categoryCode },
        },
      ];
    },
  }),

  rule({
    contract: manualDispatchQueuedV1,
    notices: async ({ data }, context) => {
      const known = await context.facts.get(data.caseNumber);
      return [
        {
          template: 'manual-dispatch-queued.dispatchers',
          audience: { kind: 'role', role: 'dispatcher', unitId: context.cityUnitId },
          facts: { caseNumber: data.caseNumber, reason: data.reason, categoryCode: known?.categoryCode },
        },
      ];
    },
  }),

  rule({
    contract: caseResolvedV1,
    notices: async ({ data }, context) => {
      const known = await context.facts.get(data.caseNumber);
      const facts = {
        caseNumber: data.caseNumber, categoryCode: known?.categoryCode, unitId: data.unitId,
        at: data.resolvedAt, deadline: data.callbackDueAt, summary: data.summary,
      };
      return [
        // everyone who reported it, merged duplicates included
        { template: 'case-resolved.citizen', audience: { kind: 'case-reporters', caseNumber: data.caseNumber }, facts },
        { template: 'case-resolved.handling-unit', audience: { kind: 'role', role: ROLE_AT_LEVEL[data.level], unitId: data.unitId }, facts },
      ];
    },
  }),
];

/** Every event type the service consumes: the message controller subscribes to exactly these. */
export const NOTIFIED_EVENT_TYPES: string[] = notificationRules.map((r) => r.contract.type);

export function ruleFor(type: string, version: number): NotificationRule | undefined {
  return notificationRules.find((r) => r.contract.type === type && r.contract.version === version);
}
