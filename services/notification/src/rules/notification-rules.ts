import {
  callLoggedV1, caseAcceptedV1, caseDepartmentsSummonedV1, caseDispatchedV1, caseEscalatedV1, CaseLevel, caseRegisteredV1,
  caseResolvedV1, caseSlaBreachedV1, caseSlaWarningV1, caseSupervisionIssuedV1, duplicateMergedV1, manualDispatchQueuedV1, Role,
} from '@civicflow/contracts';
import { ORG_LEVEL_DEPTH } from '@civicflow/domain';
import { sourceRef } from '../recipients/recipient';
import { Notice, NotificationRule, rule, RuleContext } from './notice';

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

/** A department's unit id: the workflow names a summoned department by its unit (`dept-<code>`); a bare code is prefixed. */
export function departmentUnitId(departmentId: string): string {
  return departmentId.startsWith('dept-') ? departmentId : `dept-${departmentId}`;
}

/** The street of a case: the unit itself at the street level, else what dispatch / escalation / registration said. */
async function streetOf(data: { caseNumber: string; level: CaseLevel | null; unitId: string | null }, context: RuleContext): Promise<string | undefined> {
  if (data.level === 'street' && data.unitId) return data.unitId;
  const known = await context.facts.get(data.caseNumber);
  return known?.streetId ?? known?.orgPath?.[ORG_LEVEL_DEPTH.street];
}

/**
 * Who answers for the unit holding a case. At the department and supervision levels the case is still held by
 * its assignee (the community or, usually, the street), so the unit decides: the street's coordinator, a
 * department's liaison, else the community's handlers.
 */
function holderRole(level: CaseLevel | null, unitId: string, streetId: string | undefined): Role {
  if (level === 'community' || level === 'street') return ROLE_AT_LEVEL[level];
  if (unitId.startsWith('dept-')) return 'department-liaison';
  if (streetId && unitId !== streetId) return 'community-handler';
  return 'street-coordinator';
}

/** Remembers the street once the case is at the street level, for later warnings about its departments and communities. */
async function rememberStreet(data: { caseNumber: string; level: CaseLevel | null; unitId: string | null }, context: RuleContext): Promise<void> {
  if (data.level === 'street' && data.unitId) await context.facts.recordCase(data.caseNumber, { streetId: data.unitId }, context.now);
}

type SlaEvent = { data: { caseNumber: string; level: CaseLevel | null; unitId: string | null; departmentId?: string; window: string } };

/** The unit whose running window it is (a summoned department, else the unit holding the case) and the level above it. */
async function windowOwners({ data }: SlaEvent, context: RuleContext) {
  const streetId = await streetOf(data, context);
  const supervisors = { kind: 'role', role: 'supervisor', unitId: context.cityUnitId } as const;
  if (data.departmentId) {
    const unitId = departmentUnitId(data.departmentId);
    return {
      owner: { kind: 'role', role: 'department-liaison', unitId } as const,
      ownerUnitId: unitId,
      // the street that summoned it
      above: streetId ? ({ kind: 'role', role: 'street-coordinator', unitId: streetId } as const) : supervisors,
    };
  }
  if (!data.unitId) return undefined;
  const role = holderRole(data.level, data.unitId, streetId);
  return {
    owner: { kind: 'role', role, unitId: data.unitId } as const,
    ownerUnitId: data.unitId,
    above: role === 'community-handler' && streetId ? ({ kind: 'role', role: 'street-coordinator', unitId: streetId } as const) : supervisors,
  };
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
        {
          template: 'case-resolved.handling-unit',
          audience: { kind: 'role', role: holderRole(data.level, data.unitId, await streetOf(data, context)), unitId: data.unitId },
          facts,
        },
        // resolved under supervision (督办): the city's supervisors follow the case to its end
        ...(data.level === 'supervision'
          ? [{ template: 'case-resolved.handling-unit', audience: { kind: 'role', role: 'supervisor', unitId: context.cityUnitId }, facts } as const]
          : []),
      ];
    },
  }),
  rule({
    contract: caseDispatchedV1,
    remember: ({ data }, context) => context.facts.recordCase(data.caseNumber, { streetId: data.route.streetId }, context.now),
    notices: async ({ data }, context) => {
      const known = await context.facts.get(data.caseNumber);
      const role: Role = data.assigneeUnitId === data.route.streetId ? 'street-coordinator' : 'community-handler';
      return [
        {
          template: data.redispatch ? 'case-dispatched.redispatch' : 'case-dispatched.assignee',
          audience: { kind: 'role', role, unitId: data.assigneeUnitId },
          channels: ['inbox'],
          facts: { caseNumber: data.caseNumber, categoryCode: known?.categoryCode, unitId: data.assigneeUnitId, at: data.occurredAt, deadline: data.sla?.deadline ?? undefined },
        },
      ];
    },
  }),

  rule({
    contract: caseAcceptedV1,
    notices: async ({ data }, context) => {
      const known = await context.facts.get(data.caseNumber);
      return [
        {
          template: 'case-accepted.citizen',
          audience: { kind: 'case-reporters', caseNumber: data.caseNumber },
          channels: ['sms'],
          facts: { caseNumber: data.caseNumber, categoryCode: known?.categoryCode, unitId: data.unitId ?? undefined, at: data.occurredAt },
        },
      ];
    },
  }),

  rule({
    contract: caseEscalatedV1,
    remember: ({ data }, context) => rememberStreet(data, context),
    notices: async ({ data }, context) => {
      const streetId = await streetOf(data, context);
      if (!streetId) return [];
      const known = await context.facts.get(data.caseNumber);
      return [
        {
          template: 'case-escalated.street',
          audience: { kind: 'role', role: 'street-coordinator', unitId: streetId },
          urgent: data.trigger === 'breach',
          facts: {
            caseNumber: data.caseNumber, categoryCode: known?.categoryCode, unitId: streetId, at: data.occurredAt,
            deadline: data.sla?.deadline ?? undefined, reason: data.trigger, summary: data.note,
          },
        },
      ];
    },
  }),

  rule({
    contract: caseDepartmentsSummonedV1,
    remember: ({ data }, context) => rememberStreet(data, context),
    notices: async ({ data }, context) => {
      const known = await context.facts.get(data.caseNumber);
      return data.summonses.map((summons): Notice => ({
        template: 'case-departments-summoned.liaison',
        audience: { kind: 'role', role: 'department-liaison', unitId: departmentUnitId(summons.departmentId) },
        facts: {
          caseNumber: data.caseNumber, categoryCode: known?.categoryCode, unitId: data.unitId ?? undefined, at: data.occurredAt,
          deadline: summons.sla?.deadline ?? undefined,
        },
      }));
    },
  }),

  rule({
    contract: caseSlaWarningV1,
    notices: async (event, context) => {
      const { data } = event;
      if (data.window === 'callback') return []; // the hotline's own window: its callback list shows it
      const owners = await windowOwners(event, context);
      if (!owners) return [];
      const known = await context.facts.get(data.caseNumber);
      const facts = {
        caseNumber: data.caseNumber, categoryCode: known?.categoryCode, unitId: owners.ownerUnitId, at: data.occurredAt,
        deadline: data.deadline ?? undefined, reason: data.window,
      };
      return [
        { template: 'case-sla-warning.owner', audience: owners.owner, facts },
        { template: 'case-sla-warning.next-level', audience: owners.above, facts },
      ];
    },
  }),

  rule({
    contract: caseSlaBreachedV1,
    notices: async (event, context) => {
      const { data } = event;
      if (data.window === 'callback') return [];
      const owners = await windowOwners(event, context);
      if (!owners) return [];
      const known = await context.facts.get(data.caseNumber);
      const facts = {
        caseNumber: data.caseNumber, categoryCode: known?.categoryCode, unitId: owners.ownerUnitId, at: data.occurredAt,
        deadline: data.deadline ?? undefined, reason: data.window,
      };
      const supervisors = { kind: 'role', role: 'supervisor', unitId: context.cityUnitId } as const;
      const notices: Notice[] = [
        { template: 'case-sla-breached.owner', audience: owners.owner, urgent: true, facts },
        { template: 'case-sla-breached.supervisors', audience: supervisors, urgent: true, facts },
      ];
      // the next level, when it is not the supervisors already told
      if (owners.above.role !== 'supervisor') notices.splice(1, 0, { template: 'case-sla-breached.next-level', audience: owners.above, urgent: true, facts });
      return notices;
    },
  }),

  rule({
    contract: caseSupervisionIssuedV1,
    notices: async ({ data }, context) => {
      const known = await context.facts.get(data.caseNumber);
      const facts = { caseNumber: data.caseNumber, categoryCode: known?.categoryCode, at: data.occurredAt, summary: data.notice, deadline: data.sla?.deadline ?? undefined };
      const notices: Notice[] = [];
      if (data.unitId) {
        const role = holderRole(data.level, data.unitId, await streetOf(data, context));
        notices.push({ template: 'case-supervision-issued.unit', audience: { kind: 'role', role, unitId: data.unitId }, urgent: true, facts: { ...facts, unitId: data.unitId } });
      }
      if (data.departmentId) {
        const unitId = departmentUnitId(data.departmentId);
        notices.push({ template: 'case-supervision-issued.unit', audience: { kind: 'role', role: 'department-liaison', unitId }, urgent: true, facts: { ...facts, unitId } });
      }
      return notices;
    },
  }),
];

/** Every event type the service consumes: the message controller subscribes to exactly these. */
export const NOTIFIED_EVENT_TYPES: string[] = notificationRules.map((r) => r.contract.type);

export function ruleFor(type: string, version: number): NotificationRule | undefined {
  return notificationRules.find((r) => r.contract.type === type && r.contract.version === version);
}
