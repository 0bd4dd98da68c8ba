import { says } from '@civicflow/contracts';
import { checkSessionTimes } from '@civicflow/domain';

/** 3+X 四方共议: 社区党组织、居委会、物业公司、业委会, plus others (X: 当事人代表、律师、网格员 …). */
export const CONSULTATION_SIDES = ['party-organisation', 'residents-committee', 'property-company', 'owners-committee', 'other'] as const;
export type ConsultationSide = (typeof CONSULTATION_SIDES)[number];
export const SIDE_LABELS: Readonly<Record<ConsultationSide, string>> = {
  'party-organisation': '社区党组织', 'residents-committee': '居委会', 'property-company': '物业公司', 'owners-committee': '业委会', other: '其他（X）',
};

export interface ConsultationRecord {
  participants: { side: ConsultationSide; name: string; organisation: string | null }[];
  commitments: { side: ConsultationSide; by: string; commitment: string; dueAt: string | null }[];
}

/** 调解会 (or a 3+X consultation): one document per session, across all disputes — the mediator's diary. */
export interface SessionDoc {
  _id: string;
  disputeId: string;
  mediatorId: string;
  startsAt: Date;
  endsAt: Date;
  place: string;
  attendeeIds: string[];
  consultation: boolean;
  /**
   * pending: booked in the mediator's diary, the workflow not yet told; scheduled / held: as the workflow's
   * events say (mediation.session-scheduled, mediation.session-held) — the projector alone moves them
   */
  status: 'pending' | 'scheduled' | 'held';
  minutesSummary: string | null;
  /** the last minutes entered, kept even when the workflow refused them (nothing entered is lost) */
  draftMinutes: string | null;
  /** the 3+X record entered with the last minutes; becomes `consultationRecord` when the session is held */
  draftConsultationRecord?: ConsultationRecord | null;
  consultationRecord: ConsultationRecord | null;
  reminded: boolean;
  scheduledBy: string;
  createdAt: Date;
  heldRecordedAt: Date | null;
}

/**
 * Field errors for the times of a new session (400): the domain's rules (not in the past, ends after it starts —
 * the same wording the workflow's validator uses) plus a service limit of 12 hours for one sitting.
 */
export function sessionTimeErrors(startsAt: string, endsAt: string, now: Date): { field: string; code: string; reason: string }[] {
  const refusal = checkSessionTimes(startsAt, endsAt, now.getTime());
  if (refusal) return [{ field: refusal.code === 'SESSION_ENDS_BEFORE_START' ? 'endsAt' : 'startsAt', code: refusal.code, reason: says(refusal.zh, refusal.en) }];
  if (Date.parse(endsAt) - Date.parse(startsAt) > 12 * 3_600_000) return [{ field: 'endsAt', code: 'SESSION_TOO_LONG', reason: says('一次调解不超过12小时', 'a session lasts at most 12 hours') }];
  return [];
}
