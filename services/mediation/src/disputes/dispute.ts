import type { ProtectedPii } from '@civicflow/platform';
import type { MediationLevel } from '../committees/committee';

export type DisputeType = 'neighbour' | 'property-management' | 'wages' | 'family' | 'consumer' | 'land-compound' | 'other';
export const DISPUTE_TYPES = ['neighbour', 'property-management', 'wages', 'family', 'consumer', 'land-compound', 'other'] as const;

export type DisputeStage = 'awaiting-mediator' | 'mediating' | 'agreed' | 'resolved' | 'failed';
/** Stages in which the dispute is some mediator's work: what "open disputes" counts for the workload. */
export const OPEN_STAGES: readonly DisputeStage[] = ['awaiting-mediator', 'mediating'];

export type PartyRole = 'applicant' | 'respondent' | 'other';
export const PARTY_ROLES = ['applicant', 'respondent', 'other'] as const;

/** 当事人: applicant (申请人), respondent (被申请人) or another party; contacts only protected. */
export interface PartyDoc {
  partyId: string;
  role: PartyRole;
  name: string;
  phone: ProtectedPii | null;
  idNumber: ProtectedPii | null;
  address: string | null;
  /** when the party is a user of CivicFlow (a staff member can be a party too) */
  userId: string | null;
  /**
   * Whether the phone is registered with the notification directory under `partyRef(...)`: false while it waits
   * (new or changed phone, or the notification service did not take it: retried on a timer); absent or null
   * without a phone (and for parties stored before this field).
   */
  contactRegistered?: boolean | null;
}

/**
 * The party's key in the notification directory and in the mediation events: `party:<disputeId>:<partyId>`
 * (party ids are short and unique only within their dispute). Never a number.
 */
export const partyRef = (disputeId: string, partyId: string): string => `party:${disputeId}:${partyId}`;

/** 协议条款: who does what by when, and what the follow-up (回访) found. */
export interface AgreementTermDoc {
  party: string;
  partyId: string | null;
  obligation: string;
  dueAt: string;
  kept: boolean | null;
  followedUpAt: string | null;
  note: string | null;
}

export interface AgreementDoc {
  agreementId: string;
  terms: AgreementTermDoc[];
  reachedAt: string;
  reachedBy: { userId: string; name: string };
  committeeId: string;
  level: MediationLevel;
}

export interface FailureDoc {
  level: MediationLevel;
  reason: string;
  next: 'street-centre' | 'arbitration' | 'litigation' | 'judicial-confirmation';
  at: string;
  mediatorId: string | null;
}

/**
 * 纠纷案件: one document per dispute — a projection of the dispute's mediation.* events and nothing else
 * (read-model/mediation-projection.ts). The mediation workflow is the only writer of a dispute's state; the
 * service sends it commands and reads this. The parties and their protected contacts are the service's own
 * register (parties/party-register.ts), the mediators' diary is the sessions collection.
 */
export interface DisputeDoc {
  _id: string;
  /** the original case (12345 / intake), absent for a walk-in (来访) */
  caseNumber: string | null;
  origin: 'case' | 'walk-in';
  categoryCode: string | null;
  disputeType: DisputeType;
  summary: string;
  amountAtStakeCny: number | null;
  communityId: string;
  streetId: string;
  districtId: string | null;
  orgPath: string[];
  stage: DisputeStage;
  level: MediationLevel;
  committeeId: string | null;
  mediatorId: string | null;
  /** mediators who have held this dispute (a failed community mediator is not picked again at the street) */
  pastMediatorIds: string[];
  agreement: AgreementDoc | null;
  failures: FailureDoc[];
  /** agreements a broken term set aside (重新调解), for the figures */
  pastAgreements: { agreementId: string; reachedAt: string; followedUp: { kept: boolean; at: string } | null }[];
  /** the running 30-day limit at the current level, as the workflow last said; null when not running */
  deadline: Date | null;
  /** the workflow's sequence number of the last event applied */
  lastSequence: number;
  guidance: string | null;
  reopenCount: number;
  openedAt: Date;
  assignedAt: Date | null;
  escalatedAt: Date | null;
  agreedAt: Date | null;
  /** the day every term was found kept */
  resolvedAt: Date | null;
  failedAt: Date | null;
  /** time of what last set the stage: an older event never overwrites a newer state */
  stageAt: Date;
  /** a mediator is still to be assigned at `level` (the retry loop looks for these) */
  assignmentPending: boolean;
  openedBy: { userId: string; role: string };
  correlationId: string;
  /** bumped on every write: the projector's single-document update is guarded by it */
  revision: number;
}
