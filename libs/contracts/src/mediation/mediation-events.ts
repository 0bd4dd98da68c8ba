import { z } from 'zod';
import { defineEvent } from '../catalog/define-event';
import { type EventsOf, typesOf, type WireEventsOf } from '../catalog/event-union';
import { caseNumberSchema } from '../shared/value-schemas';

// 矛盾纠纷调解 — the dispute-mediation context. Keyed by the dispute id; `caseNumber` links to the original case.

const disputeRef = {
  disputeId: z.string().min(1),
  caseNumber: caseNumberSchema.optional().describe('the case the dispute came from; absent for a walk-in'),
  occurredAt: z.iso.datetime({ offset: true }),
  sequence: z.number().int().positive().optional().describe('per-dispute sequence number set by the mediation workflow (event ids are <disputeId>:<sequence>:<type>)'),
};

/**
 * The parties (当事人) an event concerns, by reference only: `party:<partyId>`, the key under which the mediation
 * service registered the party's contact in the notification directory (`PUT /api/v1/directory/citizens/:ref`).
 * Phone numbers never travel on Kafka. Optional (added in v1): older events and parties without a phone carry none.
 */
const partyRefs = z
  .array(z.string().min(1))
  .optional()
  .describe('directory refs (`party:<partyId>`) of the parties concerned that have a phone on record; never a number');

export const disputeTypeSchema = z.enum(['neighbour', 'property-management', 'wages', 'family', 'consumer', 'land-compound', 'other']);

export const disputeOpenedV1 = defineEvent({
  type: 'mediation.dispute-opened',
  version: 1,
  description: '纠纷立案 — a dispute case was opened for mediation (from intake, or a walk-in)',
  schema: z.object({
    ...disputeRef,
    disputeType: disputeTypeSchema,
    communityId: z.string().min(1),
    amountAtStakeCny: z.number().nonnegative().optional(),
    // added, optional: the record the dispute was opened with, so the stored dispute is a projection of the events alone
    origin: z.enum(['case', 'walk-in']).optional(),
    categoryCode: z.string().min(1).optional(),
    summary: z.string().min(1).max(2000).optional(),
    streetId: z.string().min(1).optional(),
    districtId: z.string().min(1).optional(),
    orgPath: z.array(z.string().min(1)).optional().describe('city → district → street → community: the jurisdiction filter'),
    openedBy: z.object({ userId: z.string().min(1), role: z.string().min(1) }).optional().describe('who opened it (a mediator for a walk-in, the system for a case)'),
  }),
});

export const mediatorAssignedV1 = defineEvent({
  type: 'mediation.mediator-assigned',
  version: 1,
  description: '指派调解员 — a mediator of the community committee or the street centre took the dispute',
  schema: z.object({ ...disputeRef, mediatorId: z.string().min(1), committeeId: z.string().min(1), level: z.enum(['community', 'street']) }),
});

export const sessionScheduledV1 = defineEvent({
  type: 'mediation.session-scheduled',
  version: 1,
  description: '安排调解 — a session (or a "3+X" consultation) was scheduled with time, place and attendees',
  schema: z.object({
    ...disputeRef,
    sessionId: z.string().min(1),
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }).optional(),
    place: z.string().min(1),
    attendeeIds: z.array(z.string().min(1)).min(1),
    consultation: z.boolean(),
    mediatorId: z.string().min(1).optional(),
    partyRefs,
  }),
});

export const sessionHeldV1 = defineEvent({
  type: 'mediation.session-held',
  version: 1,
  description: '调解记录 — a session took place and its minutes were recorded',
  schema: z.object({ ...disputeRef, sessionId: z.string().min(1), minutesSummary: z.string().min(1).max(4000) }),
});

export const agreementReachedV1 = defineEvent({
  type: 'mediation.agreement-reached',
  version: 1,
  description: '达成调解协议 — the parties signed an agreement with terms (who does what by when)',
  schema: z.object({
    ...disputeRef,
    agreementId: z.string().min(1),
    terms: z
      .array(
        z.object({
          party: z.string().min(1),
          obligation: z.string().min(1),
          dueAt: z.iso.datetime({ offset: true }),
          partyRef: z.string().min(1).optional().describe('the directory ref (`party:<partyId>`) of the party who owes the term, when reachable'),
          partyId: z.string().min(1).optional().describe('added: the party of the dispute who owes the term'),
        }),
      )
      .min(1),
    partyRefs,
  }),
});

export const mediationFailedV1 = defineEvent({
  type: 'mediation.mediation-failed',
  version: 1,
  description: '调解不成 — mediation failed at this level; escalated to the street centre or guided to arbitration/litigation',
  schema: z.object({
    ...disputeRef,
    level: z.enum(['community', 'street']),
    next: z.enum(['street-centre', 'arbitration', 'litigation', 'judicial-confirmation']),
    reason: z.string().min(1),
    trigger: z.enum(['mediator', 'time-limit']).optional().describe('the mediator recorded 调解不成, or the 30-day limit at the level ran out (超期)'),
    deadline: z.iso.datetime({ offset: true }).optional().describe('when next is street-centre: the street centre\'s limit'),
  }),
});

export const agreementFollowedUpV1 = defineEvent({
  type: 'mediation.agreement-followed-up',
  version: 1,
  description: '协议回访 — a term came due and was found kept or broken (a broken agreement reopens the dispute)',
  schema: z.object({ ...disputeRef, agreementId: z.string().min(1), termIndex: z.number().int().nonnegative(), kept: z.boolean(), note: z.string().min(1).max(2000).optional() }),
});

export const sessionReminderV1 = defineEvent({
  type: 'mediation.session-reminder',
  version: 1,
  description: '调解提醒 — a scheduled session is near: the mediator and the attendees are reminded',
  schema: z.object({
    ...disputeRef,
    sessionId: z.string().min(1),
    startsAt: z.iso.datetime({ offset: true }),
    place: z.string().min(1),
    attendeeIds: z.array(z.string().min(1)).min(1),
    mediatorId: z.string().min(1),
    partyRefs,
  }),
});

export const followUpDueV1 = defineEvent({
  type: 'mediation.follow-up-due',
  version: 1,
  description: '协议到期待回访 — a term of the agreement fell due: the mediator is to find out whether it was kept',
  schema: z.object({
    ...disputeRef,
    agreementId: z.string().min(1),
    termIndex: z.number().int().nonnegative(),
    party: z.string().min(1),
    obligation: z.string().min(1),
    dueAt: z.iso.datetime({ offset: true }),
    mediatorId: z.string().min(1),
  }),
});

export const disputeReopenedV1 = defineEvent({
  type: 'mediation.dispute-reopened',
  version: 1,
  description: '协议未履行，重新调解 — a broken term reopened the dispute: mediation resumes at the same level with a new limit',
  schema: z.object({
    ...disputeRef,
    agreementId: z.string().min(1),
    termIndex: z.number().int().nonnegative(),
    reopenCount: z.number().int().positive(),
    level: z.enum(['community', 'street']),
    deadline: z.iso.datetime({ offset: true }),
  }),
});

export const disputeResolvedV1 = defineEvent({
  type: 'mediation.dispute-resolved',
  version: 1,
  description: '纠纷化解 — every term of the agreement was kept; the dispute is resolved (and its original case resolved)',
  schema: z.object({
    ...disputeRef,
    agreementId: z.string().min(1),
    level: z.enum(['community', 'street']).describe('where it was settled (小事不出社区，大事不出街道)'),
    mediatorId: z.string().min(1),
    reopenCount: z.number().int().nonnegative(),
  }),
});

/** Every event of a dispute's lifecycle (civicflow.mediation.v1). */
export const mediationEventContracts = [
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
] as const;

type MediationEventContract = (typeof mediationEventContracts)[number];

/** A mediation event as consumers receive it (mediation's projection, notification). */
export type MediationEventEnvelope = EventsOf<MediationEventContract>;
export type MediationEventType = MediationEventContract['type'];
/** What the mediation workflow builds for each event before the envelope is added. */
export type MediationWireEvent = WireEventsOf<MediationEventContract>;

export const MEDIATION_EVENT_TYPES: readonly MediationEventType[] = typesOf(mediationEventContracts) as MediationEventType[];
