import {
  agreementFollowedUpV1, agreementReachedV1, disputeOpenedV1, followUpDueV1, mediationFailedV1, mediatorAssignedV1, sessionReminderV1, sessionScheduledV1,
} from '@civicflow/contracts';
import { ORG_LEVEL_DEPTH } from '@civicflow/domain';
import { DisputeFacts } from '../disputes/dispute-facts';
import { Audience } from '../recipients/recipient';
import { MessageFacts } from '../templates/message-templates';
import { Notice, NotificationRule, rule, RuleContext } from './notice';

type DisputeEventData = { disputeId: string; caseNumber?: string; occurredAt: string };

/** What every mediation notice says: the dispute, its type, and the case it came from (so the case's delivery list shows it). */
async function disputeFacts(data: DisputeEventData, context: RuleContext): Promise<{ known: DisputeFacts | undefined; facts: MessageFacts }> {
  const known = await context.disputes.get(data.disputeId);
  const caseNumber = data.caseNumber ?? known?.caseNumber;
  const categoryCode = caseNumber ? (await context.facts.get(caseNumber))?.categoryCode : undefined;
  return { known, facts: { disputeId: data.disputeId, disputeType: known?.disputeType, caseNumber, categoryCode, at: data.occurredAt } };
}

/**
 * Users among a session's people, each once: the mediator and every attendee id. Attendees are users or
 * parties referenced by id; a `user` audience reaches only ids the directory knows as users, so a party
 * (no contact in the event, none in the directory) is never messaged.
 */
function sessionUsers(mediatorId: string | undefined, attendeeIds: readonly string[]): Audience[] {
  const ids = [...new Set([...(mediatorId ? [mediatorId] : []), ...attendeeIds])];
  return ids.map((userId) => ({ kind: 'user', userId }));
}

/** A community's street by the grid's id scheme (`<street>-c<NN>`), for walk-in disputes no case tells about. */
const COMMUNITY_OF_STREET = /^(.+)-c\d+$/;

/**
 * The street whose mediation centre (矛盾调解中心) takes a dispute over: the street of the case it came from,
 * else the street the community id names. Undefined when neither is known.
 */
async function streetOfDispute(known: DisputeFacts | undefined, caseNumber: string | undefined, context: RuleContext): Promise<string | undefined> {
  if (caseNumber) {
    const facts = await context.facts.get(caseNumber);
    const street = facts?.streetId ?? facts?.orgPath?.[ORG_LEVEL_DEPTH.street];
    if (street) return street;
  }
  return known?.communityId?.match(COMMUNITY_OF_STREET)?.[1];
}

/**
 * 调解通知规则: the mediation context. Its events name the dispute only, so the rules remember its community,
 * case, type and mediator as they go by, and read them back when a later event needs them.
 */
export const mediationRules: readonly NotificationRule[] = [
  rule({
    contract: disputeOpenedV1,
    remember: ({ data }, context) =>
      context.disputes.record(data.disputeId, { communityId: data.communityId, caseNumber: data.caseNumber, disputeType: data.disputeType }, context.now),
    // the community's mediation committee (人民调解委员会) assigns one of its mediators
    notices: async ({ data }, context) => {
      const { facts } = await disputeFacts(data, context);
      return [{ template: 'dispute-opened.mediators', audience: { kind: 'role', role: 'mediator', unitId: data.communityId }, facts: { ...facts, unitId: data.communityId } }];
    },
  }),

  rule({
    contract: mediatorAssignedV1,
    remember: ({ data }, context) => context.disputes.record(data.disputeId, { mediatorId: data.mediatorId, caseNumber: data.caseNumber }, context.now),
    notices: async ({ data }, context) => {
      const { facts } = await disputeFacts(data, context);
      return [{ template: 'mediator-assigned.mediator', audience: { kind: 'user', userId: data.mediatorId }, facts }];
    },
  }),

  rule({
    contract: sessionScheduledV1,
    remember: ({ data }, context) => context.disputes.record(data.disputeId, { mediatorId: data.mediatorId }, context.now),
    notices: async ({ data }, context) => {
      const { known, facts } = await disputeFacts(data, context);
      const session = { ...facts, at: data.startsAt, place: data.place, reason: data.consultation ? 'consultation' : 'session' };
      return sessionUsers(data.mediatorId ?? known?.mediatorId, data.attendeeIds).map((audience): Notice => ({ template: 'session-scheduled.attendee', audience, facts: session }));
    },
  }),

  rule({
    contract: sessionReminderV1,
    notices: async ({ data }, context) => {
      const { facts } = await disputeFacts(data, context);
      const session = { ...facts, at: data.startsAt, place: data.place };
      return sessionUsers(data.mediatorId, data.attendeeIds).map((audience): Notice => ({ template: 'session-reminder.attendee', audience, facts: session }));
    },
  }),

  rule({
    contract: agreementReachedV1,
    // the mediator follows each term up when it falls due (协议回访): tell them the first date
    notices: async ({ data }, context) => {
      const { known, facts } = await disputeFacts(data, context);
      if (!known?.mediatorId) return [];
      const firstDue = data.terms.map((term) => term.dueAt).sort((a, b) => Date.parse(a) - Date.parse(b))[0];
      return [{ template: 'agreement-reached.mediator', audience: { kind: 'user', userId: known.mediatorId }, facts: { ...facts, count: data.terms.length, deadline: firstDue } }];
    },
  }),

  rule({
    contract: mediationFailedV1,
    // only a move to the street centre asks anything of anyone here; arbitration and litigation leave the system
    notices: async ({ data }, context) => {
      if (data.next !== 'street-centre') return [];
      const { known, facts } = await disputeFacts(data, context);
      const streetId = await streetOfDispute(known, facts.caseNumber, context);
      if (!streetId) return [];
      return [
        {
          template: 'mediation-failed.street-centre',
          audience: { kind: 'role', role: 'mediator', unitId: streetId },
          facts: { ...facts, unitId: known?.communityId, summary: data.reason, deadline: data.deadline },
        },
      ];
    },
  }),

  rule({
    contract: followUpDueV1,
    // 协议回访: the mediator finds out whether the party kept the term
    notices: async ({ data }, context) => {
      const { facts } = await disputeFacts(data, context);
      return [
        {
          template: 'follow-up-due.mediator',
          audience: { kind: 'user', userId: data.mediatorId },
          facts: { ...facts, nth: data.termIndex + 1, deadline: data.dueAt, summary: data.obligation },
        },
      ];
    },
  }),

  rule({
    contract: agreementFollowedUpV1,
    // a kept term needs nobody; a broken one reopens the dispute (the workflow publishes dispute-reopened with it)
    // and its mediator must mediate again
    notices: async ({ data }, context) => {
      if (data.kept) return [];
      const { known, facts } = await disputeFacts(data, context);
      if (!known?.mediatorId) return [];
      return [{ template: 'agreement-followed-up.mediator', audience: { kind: 'user', userId: known.mediatorId }, facts: { ...facts, nth: data.termIndex + 1 } }];
    },
  }),
];
