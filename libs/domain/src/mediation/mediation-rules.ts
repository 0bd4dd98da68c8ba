// Rules the workflow and the mediation service share: session times and overlaps, the mediator's conflict of
// interest (回避), agreement terms, and a dispute's type from its 12345 category.
import type { Rejection } from '../case/rejection';
import { defaultTaxonomy } from '../taxonomy/default-taxonomy';
import type { TaxonomyIndex } from '../taxonomy/taxonomy-index';
import { mediationRejections as rejections } from './mediation-rejections';
import type { DisputeType } from './mediation-types';

/** An instant as the callers hold it: epoch milliseconds, an ISO string or a Date. */
export type MediationInstant = number | string | Date;

/** Epoch milliseconds of an instant, or NaN when it is not one. */
export function instantMs(value: MediationInstant | null | undefined): number {
  if (value === null || value === undefined) return Number.NaN;
  if (typeof value === 'number') return value;
  if (value instanceof Date) return value.getTime();
  return Date.parse(value);
}

// ----- sessions (调解会) ---------------------------------------------------------------------------------------

/** A session as far as timing goes. `mediatorId` is set when sessions of several disputes are compared. */
export interface SessionSlot {
  sessionId: string;
  startsAt: MediationInstant;
  endsAt: MediationInstant;
  mediatorId?: string;
  /** A cancelled session frees its slot. */
  cancelled?: boolean;
}

/** A session must start after `now` and end after it starts. */
export function checkSessionTimes(startsAt: MediationInstant, endsAt: MediationInstant, now: number): Rejection | undefined {
  const start = instantMs(startsAt);
  const end = instantMs(endsAt);
  if (!Number.isFinite(start) || !Number.isFinite(end)) return rejections.sessionInvalidTime();
  if (start <= now) return rejections.sessionInPast(start, now);
  if (end <= start) return rejections.sessionEndsBeforeStart();
  return undefined;
}

/**
 * The first existing session that overlaps the candidate in time ([start, end), so back-to-back sessions do
 * not clash), or undefined. Sessions of another mediator (when both name one), cancelled sessions and the
 * candidate itself (same id: a reschedule) are ignored. The service passes one mediator's sessions across
 * all disputes; the workflow passes one dispute's own.
 */
export function findOverlap<T extends SessionSlot>(existingSessions: readonly T[], candidate: SessionSlot): T | undefined {
  const start = instantMs(candidate.startsAt);
  const end = instantMs(candidate.endsAt);
  if (!(start < end)) return undefined;
  return existingSessions.find((session) => {
    if (session.cancelled || session.sessionId === candidate.sessionId) return false;
    if (session.mediatorId && candidate.mediatorId && session.mediatorId !== candidate.mediatorId) return false;
    const otherStart = instantMs(session.startsAt);
    const otherEnd = instantMs(session.endsAt);
    return otherStart < end && start < otherEnd;
  });
}

// ----- conflict of interest (回避) ----------------------------------------------------------------------------

/** Who the mediator is, as the service knows them: user id and the hashes of ID number and phone. */
export interface MediatorIdentity {
  userId: string;
  idNumberHash?: string | null;
  phoneHash?: string | null;
}

/** A party (当事人) of a dispute, as far as identity goes. */
export interface PartyIdentity {
  userId?: string | null;
  idNumberHash?: string | null;
  phoneHash?: string | null;
}

export interface MediatorConflict extends Rejection {
  partyIndex: number;
  matchedBy: 'userId' | 'idNumberHash' | 'phoneHash';
}

const same = (a: string | null | undefined, b: string | null | undefined) => !!a && !!b && a.trim() !== '' && a === b;

/**
 * A mediator may not mediate a dispute they are a party to (人民调解员应当回避): the same user, the same ID
 * number or the same phone (compared as hashes; blank values never match). Returns the first match, or undefined.
 */
export function checkMediatorConflict(mediator: MediatorIdentity, parties: readonly PartyIdentity[]): MediatorConflict | undefined {
  for (const [partyIndex, party] of parties.entries()) {
    for (const matchedBy of ['userId', 'idNumberHash', 'phoneHash'] as const) {
      if (same(mediator[matchedBy], party[matchedBy])) return { ...rejections.mediatorIsParty(matchedBy), partyIndex, matchedBy };
    }
  }
  return undefined;
}

// ----- agreements (调解协议) ------------------------------------------------------------------------------------

export interface AgreementTermInput {
  party: string;
  obligation: string;
  dueAt: MediationInstant;
}

/** An agreement needs an id and at least one term, each naming a party, an obligation and a due date after `now`. */
export function validateAgreement(agreement: { agreementId: string; terms: readonly AgreementTermInput[] }, now: number): Rejection | undefined {
  if (typeof agreement.agreementId !== 'string' || agreement.agreementId.trim() === '') return rejections.agreementIdRequired();
  const terms: readonly AgreementTermInput[] = agreement.terms ?? [];
  if (terms.length === 0) return rejections.noTerms();
  for (const [index, term] of terms.entries()) {
    if (typeof term.party !== 'string' || term.party.trim() === '') return rejections.termIncomplete(index, '履行人 party');
    if (typeof term.obligation !== 'string' || term.obligation.trim() === '') return rejections.termIncomplete(index, '履行义务 obligation');
    const due = instantMs(term.dueAt);
    if (!Number.isFinite(due)) return rejections.termDueInvalid(index);
    if (due <= now) return rejections.termDueInPast(index, due, now);
  }
  return undefined;
}

// ----- dispute type (纠纷类型) from the 12345 category -----------------------------------------------------------

/** Dispute categories of the shipped taxonomy and their dispute type; other dispute categories are 'other'. */
const DISPUTE_TYPE_BY_CATEGORY: Readonly<Record<string, DisputeType>> = {
  '0310': 'consumer', // 消费维权纠纷
  '1101': 'wages', // 拖欠工资
  '1102': 'wages', // 农民工工资
  '1111': 'wages', // 劳动争议
  '1503': 'property-management', // 物业管理纠纷
  '1601': 'neighbour', // 邻里纠纷
  '1602': 'family', // 婚姻家庭纠纷
  '1603': 'family', // 赡养抚养纠纷
  '1604': 'neighbour', // 相邻通行采光纠纷
  '1605': 'neighbour', // 楼上楼下漏水纠纷
  '1606': 'neighbour', // 宠物饲养纠纷
  '1804': 'land-compound', // 土地与院落权属纠纷
};

/**
 * The dispute type of a 12345 minor category, or undefined when the category is unknown or not a dispute
 * (`isDispute` false): only dispute categories go to mediation. Uses the shipped taxonomy unless given one.
 */
export function disputeTypeForCategory(categoryCode: string, taxonomy: TaxonomyIndex = defaultTaxonomy()): DisputeType | undefined {
  const minor = taxonomy.minorByCode(categoryCode);
  if (!minor || !minor.isDispute) return undefined;
  return DISPUTE_TYPE_BY_CATEGORY[minor.code] ?? 'other';
}

/**
 * Where the parties go when mediation at the street ends without agreement and nobody said otherwise (the
 * time limit ran out): labour and wage disputes must go to labour arbitration first (劳动争议仲裁前置), the
 * rest to the people's court (诉讼).
 */
export function defaultGuidance(disputeType: DisputeType): 'arbitration' | 'litigation' {
  return disputeType === 'wages' ? 'arbitration' : 'litigation';
}
