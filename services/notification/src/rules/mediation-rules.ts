import {
  agreementFollowedUpV1, agreementReachedV1, disputeOpenedV1, followUpDueV1, mediationFailedV1, mediatorAssignedV1, sessionReminderV1, sessionScheduledV1,
} from '@civicflow/contracts';
import { HOUR_MS, ORG_LEVEL_DEPTH } from '@civicflow/domain';
import { quietUntil } from '../deliveries/quiet-hours';
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

/**
 * A party's SMS about a session waits for the end of quiet hours (免打扰) unless that would leave them less than
 * this much time before the session starts: then it goes at once (urgent).
 */
export const PARTY_SESSION_MIN_NOTICE_MS = 3 * HOUR_MS;

/** Whether a party's session notice must go now, quiet hours or not (see PARTY_SESSION_MIN_NOTICE_MS). */
export function sessionNoticeIsUrgent(startsAt: string, context: RuleContext): boolean {
  const releasedAt = quietUntil(context.now, context.quietHours);
  return releasedAt !== undefined && Date.parse(startsAt) - releasedAt.getTime() < PARTY_SESSION_MIN_NOTICE_MS;
}

/**
 * The mediating body named to the parties: the street's 矛盾调解中心 once the dispute went there, else the
 * community's 人民调解委员会 (its unit named from the directory).
 */
async function committeeFacts(known: DisputeFacts | undefined, caseNumber: string | undefined, context: RuleContext): Promise<MessageFacts> {
  if (known?.level === 'street') {
    const streetId = await streetOfDispute(known, caseNumber, context);
    return { committee: 'street', unitId: streetId };
  }
  return { committee: 'community', unitId: known?.communityId };
}

/**
 * 当事人: the parties an event names by ref (`partyRefs`, registered with the directory by the mediation service
 * under `party:<disputeId>:<partyId>`), each once, by SMS only (a party has no WeChat openid on file).
 */
function partyAudiences(partyRefs: readonly string[] | undefined): Audience[] {
  return [...new Set(partyRefs ?? [])].map((citizenRef) => ({ kind: 'citizen', citizenRef }));
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
    remember: ({ data }, context) => context.disputes.record(data.disputeId, { mediatorId: data.mediatorId, caseNumber: data.caseNumber, level: data.level }, context.now),
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
      const party = { ...session, ...(await committeeFacts(known, facts.caseNumber, context)) };
      const urgent = sessionNoticeIsUrgent(data.startsAt, context);
      return [
        ...sessionUsers(data.mediatorId ?? known?.mediatorId, data.attendeeIds).map((audience): Notice => ({ template: 'session-scheduled.attendee', audience, facts: session })),
        ...partyAudiences(data.partyRefs).map((audience): Notice => ({ template: 'session-scheduled.party', audience, channels: ['sms'], urgent, facts: party })),
      ];
    },
  }),

  rule({
    contract: sessionReminderV1,
    notices: async ({ data }, context) => {
      const { known, facts } = await disputeFacts(data, context);
      const session = { ...facts, at: data.startsAt, place: data.place };
      const party = { ...session, ...(await committeeFacts(known, facts.caseNumber, context)) };
      const urgent = sessionNoticeIsUrgent(data.startsAt, context);
      return [
        ...sessionUsers(data.mediatorId, data.attendeeIds).map((audience): Notice => ({ template: 'session-reminder.attendee', audience, facts: session })),
        ...partyAudiences(data.partyRefs).map((audience): Notice => ({ template: 'session-reminder.party', audience, channels: ['sms'], urgent, facts: party })),
      ];
    },
  }),

  rule({
    contract: agreementReachedV1,
    // the mediator follows each term up when it falls due (协议回访): tell them the first date; each party named by
    // ref learns the due date of their own terms (the first of them), or when the others' terms end
    notices: async ({ data }, context) => {
      const { known, facts } = await disputeFacts(data, context);
      const byDue = [...data.terms].sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
      const committee = await committeeFacts(known, facts.caseNumber, context);
      const parties = partyAudiences(data.partyRefs).map((audience): Notice => {
        const own = byDue.filter((term) => audience.kind === 'citizen' && term.partyRef === audience.citizenRef);
        return own.length > 0
          ? { template: 'agreement-reached.party', audience, channels: ['sms'], facts: { ...facts, ...committee, count: own.length, deadline: own[0].dueAt, summary: own[0].obligation } }
          : { template: 'agreement-reached.other-party', audience, channels: ['sms'], facts: { ...facts, ...committee, count: data.terms.length, deadline: byDue[byDue.length - 1].dueAt } };
      });
      const mediator: Notice[] = known?.mediatorId
        ? [{ template: 'agreement-reached.mediator', audience: { kind: 'user', userId: known.mediatorId }, facts: { ...facts, count: data.terms.length, deadline: byDue[0].dueAt } }]
        : [];
      return [...mediator, ...parties];
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
