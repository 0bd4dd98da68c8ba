import {
  callLoggedV1, caseAcceptedV1, caseCallbackDueV1, caseClosedV1, caseDepartmentAnsweredV1, caseDepartmentRefusedV1, caseDepartmentReportedInV1,
  caseDepartmentsSummonedV1, caseDispatchedV1, caseDuplicateAttachedV1, caseEscalatedV1, caseExtensionDecidedV1, caseExtensionRequestedV1, CaseLevel,
  caseMergedV1, caseRefusalDecidedV1, caseRegisteredV1, caseReopenedV1, caseResolvedV1, caseResumedV1, caseReturnedV1, caseReviewRequiredV1,
  caseSlaBreachedV1, caseSlaWarningV1, caseSummonsEndedV1, caseSupervisionIssuedV1, caseSuspendedV1, duplicateMergedV1, manualDispatchQueuedV1, Role,
  type SlaSnapshot,
} from '@civicflow/contracts';
import { ORG_LEVEL_DEPTH } from '@civicflow/domain';
import { sourceRef } from '../recipients/recipient';
import {
  citySupervisors, departmentUnitId, holderAudience, holderRole, rememberStreet, streetOf, summoningStreetAudience,
} from './case-units';
import { MessageFacts } from '../templates/message-templates';
import { Notice, NotificationRule, rule, RuleContext } from './notice';

/**
 * A notice's deadline — the clock's, or an instant the event names beside it (a callback's due time, a warned
 * window's) — marked 暂定 when it is the clock's deadline and the clock says provisional: never shown as official.
 */
function deadlineOf(clock: SlaSnapshot | null | undefined, instant?: string | null): Pick<MessageFacts, 'deadline' | 'deadlineProvisional'> {
  const deadline = instant ?? clock?.deadline ?? undefined;
  return clock?.provisional && deadline !== undefined && clock.deadline === deadline ? { deadline, deadlineProvisional: true } : { deadline };
}

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

type SlaEvent = { data: { caseNumber: string; level: CaseLevel | null; unitId: string | null; departmentId?: string; window: string } };

/** The unit whose running window it is (a summoned department, else the unit holding the case) and the level above it. */
async function windowOwners({ data }: SlaEvent, context: RuleContext) {
  const streetId = await streetOf(data, context);
  const supervisors = citySupervisors(context);
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

/** The facts every case notice starts from: the number, the category (from registration) and when it happened. */
async function caseFacts(data: { caseNumber: string; occurredAt: string }, context: RuleContext) {
  const known = await context.facts.get(data.caseNumber);
  return { caseNumber: data.caseNumber, categoryCode: known?.categoryCode, at: data.occurredAt };
}

/** Where a closed case's citizens hear of it: only when the closure is news to them. */
const CLOSURES_TOLD_TO_CITIZENS: ReadonlySet<string> = new Set([
  'callback-unreachable', // nobody reached them: the SMS is how they learn the case is archived and that 12345 still listens
  'supervisor-decision', // dissatisfied twice, then a supervisor decided: they are owed the decision
  // not 'callback-completed' (they just gave their verdict on the phone) nor 'direct-answer' (answered on the spot)
]);

/**
 * 案件通知规则: from the hotline call to the archive — the intake events and the case workflow's lifecycle
 * events, each to the people who act on it or must know.
 */
export const caseRules: readonly NotificationRule[] = [
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
        at: data.resolvedAt, ...deadlineOf(data.sla, data.callbackDueAt), summary: data.summary,
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
          facts: { caseNumber: data.caseNumber, categoryCode: known?.categoryCode, unitId: data.assigneeUnitId, at: data.occurredAt, ...deadlineOf(data.sla) },
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
            ...deadlineOf(data.sla), reason: data.trigger, summary: data.note,
          },
        },
      ];
    },
  }),

  rule({
    contract: caseDepartmentsSummonedV1,
    // only a street summons (街道吹哨): the unit holding the case now is its street
    remember: async ({ data }, context) => {
      if (data.unitId && !data.unitId.startsWith('dept-')) await context.facts.recordCase(data.caseNumber, { streetId: data.unitId }, context.now);
    },
    notices: async ({ data }, context) => {
      const known = await context.facts.get(data.caseNumber);
      return data.summonses.map((summons): Notice => ({
        template: 'case-departments-summoned.liaison',
        audience: { kind: 'role', role: 'department-liaison', unitId: departmentUnitId(summons.departmentId) },
        facts: {
          caseNumber: data.caseNumber, categoryCode: known?.categoryCode, unitId: data.unitId ?? undefined, at: data.occurredAt,
          ...deadlineOf(summons.sla),
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
        ...deadlineOf(data.sla, data.deadline), reason: data.window,
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
        ...deadlineOf(data.sla, data.deadline), reason: data.window,
      };
      const supervisors = citySupervisors(context);
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
      const facts = { caseNumber: data.caseNumber, categoryCode: known?.categoryCode, at: data.occurredAt, summary: data.notice, ...deadlineOf(data.sla) };
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

  rule({
    contract: caseReturnedV1,
    // 退单: nobody holds the case until a dispatcher routes it again, like the manual dispatch queue
    notices: async ({ data }, context) => [
      {
        template: 'case-returned.dispatchers',
        audience: { kind: 'role', role: 'dispatcher', unitId: context.cityUnitId },
        facts: { ...(await caseFacts(data, context)), unitId: data.fromUnitId, summary: data.reason },
      },
    ],
  }),

  rule({
    contract: caseDepartmentReportedInV1,
    notices: async ({ data }, context) => {
      const street = await summoningStreetAudience(data, context);
      if (!street) return [];
      const facts = { ...(await caseFacts(data, context)), unitId: departmentUnitId(data.departmentId), ...deadlineOf(data.departmentSla) };
      return [{ template: 'case-department-reported-in.street', audience: street, facts }];
    },
  }),

  rule({
    contract: caseDepartmentRefusedV1,
    // the street or a supervisor arbitrates (裁决), so both hear of it
    notices: async ({ data }, context) => {
      const facts = { ...(await caseFacts(data, context)), unitId: departmentUnitId(data.departmentId), summary: data.reason };
      const street = await summoningStreetAudience(data, context);
      return [
        ...(street ? [{ template: 'case-department-refused.arbiters', audience: street, facts } as const] : []),
        { template: 'case-department-refused.arbiters', audience: citySupervisors(context), facts },
      ];
    },
  }),

  rule({
    contract: caseRefusalDecidedV1,
    notices: async ({ data }, context) => {
      const unitId = departmentUnitId(data.departmentId);
      return [
        {
          template: data.decision === 'accepted' ? 'case-refusal-decided.accepted' : 'case-refusal-decided.overruled',
          audience: { kind: 'role', role: 'department-liaison', unitId },
          facts: { ...(await caseFacts(data, context)), unitId, summary: data.note, ...deadlineOf(data.departmentSla) },
        },
      ];
    },
  }),

  rule({
    contract: caseSummonsEndedV1,
    // the department owes nothing more; after a supervisor's 解除 the street that summoned it may resolve
    notices: async ({ data }, context) => {
      const unitId = departmentUnitId(data.departmentId);
      const facts = { ...(await caseFacts(data, context)), unitId, summary: data.reason };
      const liaison = { kind: 'role', role: 'department-liaison', unitId } as const;
      if (data.ending === 'withdrawn') return [{ template: 'case-summons-ended.withdrawn', audience: liaison, facts }];
      const street = await summoningStreetAudience(data, context);
      return [
        { template: 'case-summons-ended.released', audience: liaison, facts },
        ...(street ? [{ template: 'case-summons-ended.street', audience: street, facts } as const] : []),
      ];
    },
  }),

  rule({
    contract: caseDepartmentAnsweredV1,
    notices: async ({ data }, context) => {
      const street = await summoningStreetAudience(data, context);
      if (!street) return [];
      const facts = { ...(await caseFacts(data, context)), unitId: departmentUnitId(data.departmentId), plan: data.plan, summary: data.result };
      return [{ template: 'case-department-answered.street', audience: street, facts }];
    },
  }),

  rule({
    contract: caseSuspendedV1,
    notices: async ({ data }, context) => {
      const unit = await holderAudience(data, context);
      if (!unit) return [];
      const facts = { ...(await caseFacts(data, context)), unitId: unit.unitId, summary: data.reason, deadline: data.resumeBy ?? undefined };
      return [{ template: 'case-suspended.unit', audience: unit, facts }];
    },
  }),

  rule({
    contract: caseResumedV1,
    notices: async ({ data }, context) => {
      const unit = await holderAudience(data, context);
      if (!unit) return [];
      const facts = {
        ...(await caseFacts(data, context)), unitId: unit.unitId, ...deadlineOf(data.sla),
        reason: data.automatic ? 'resumed-automatically' : 'resumed-by-hand',
      };
      return [{ template: 'case-resumed.unit', audience: unit, facts }];
    },
  }),

  rule({
    contract: caseExtensionRequestedV1,
    // supervisors approve extensions (审批延期)
    notices: async ({ data }, context) => [
      {
        template: 'case-extension-requested.supervisors',
        audience: citySupervisors(context),
        facts: { ...(await caseFacts(data, context)), unitId: data.unitId ?? undefined, duration: data.extra, summary: data.reason, ...deadlineOf(data.sla) },
      },
    ],
  }),

  rule({
    contract: caseExtensionDecidedV1,
    // the unit that asked is the unit holding the case (an extension is on its running window)
    notices: async ({ data }, context) => {
      const unit = await holderAudience(data, context);
      if (!unit) return [];
      const facts = { ...(await caseFacts(data, context)), unitId: unit.unitId, duration: data.extra, summary: data.note, ...deadlineOf(data.sla) };
      return [{ template: data.approved ? 'case-extension-decided.approved' : 'case-extension-decided.refused', audience: unit, facts }];
    },
  }),

  rule({
    contract: caseCallbackDueV1,
    // 回访 is the hotline's: its operators call the callers back, the merged duplicates' too
    notices: async ({ data }, context) => [
      {
        template: 'case-callback-due.operators',
        audience: { kind: 'role', role: 'operator', unitId: context.cityUnitId },
        facts: {
          ...(await caseFacts(data, context)), unitId: data.unitId ?? undefined, ...deadlineOf(data.sla, data.callbackDueAt), relatedCaseNumbers: data.duplicateCaseNumbers,
        },
      },
    ],
  }),

  rule({
    contract: caseReopenedV1,
    // 重办 goes back to the level that resolved it: the unit holding the case after the transition
    notices: async ({ data }, context) => {
      const unit = await holderAudience(data, context);
      if (!unit) return [];
      const facts = { ...(await caseFacts(data, context)), unitId: unit.unitId, nth: data.reopenCount, summary: data.reason, ...deadlineOf(data.sla) };
      return [{ template: 'case-reopened.unit', audience: unit, facts }];
    },
  }),

  rule({
    contract: caseReviewRequiredV1,
    notices: async ({ data }, context) => [
      {
        template: 'case-review-required.supervisors',
        audience: citySupervisors(context),
        facts: { ...(await caseFacts(data, context)), unitId: data.unitId ?? undefined, nth: data.reopenCount },
      },
    ],
  }),

  rule({
    contract: caseMergedV1,
    // the master's resolution and callback must reach this case's reporters too
    remember: async ({ data }, context) => {
      const duplicate = await context.facts.get(data.caseNumber);
      for (const reporter of duplicate?.reporterRefs ?? []) await context.facts.addReporter(data.masterCaseNumber, reporter, context.now);
    },
    notices: async ({ data }, context) => {
      const master = await context.facts.get(data.masterCaseNumber);
      return [
        {
          template: 'duplicate-merged.citizen',
          audience: { kind: 'case-reporters', caseNumber: data.caseNumber },
          facts: { caseNumber: data.masterCaseNumber, categoryCode: master?.categoryCode },
        },
      ];
    },
  }),

  rule({
    contract: caseDuplicateAttachedV1,
    // the master case's own event: it names the unit holding the master
    notices: async ({ data }, context) => {
      const unit = await holderAudience(data, context);
      if (!unit) return [];
      const facts = { ...(await caseFacts(data, context)), unitId: unit.unitId, relatedCaseNumbers: [data.duplicateCaseNumber] };
      return [{ template: 'case-duplicate-attached.unit', audience: unit, facts }];
    },
  }),

  rule({
    contract: caseClosedV1,
    notices: async ({ data }, context) => {
      const facts = { ...(await caseFacts(data, context)), unitId: data.unitId ?? undefined, reason: data.reason, summary: data.note };
      const unit = await holderAudience(data, context);
      return [
        ...(CLOSURES_TOLD_TO_CITIZENS.has(data.reason)
          ? [{ template: 'case-closed.citizen', audience: { kind: 'case-reporters', caseNumber: data.caseNumber }, facts } as const]
          : []),
        ...(unit ? [{ template: 'case-closed.handling-unit', audience: unit, facts } as const] : []),
      ];
    },
  }),
];
