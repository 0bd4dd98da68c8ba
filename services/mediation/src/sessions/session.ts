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
  /** pending: written, the workflow not yet told; scheduled: the workflow has it; held: minutes recorded */
  status: 'pending' | 'scheduled' | 'held';
  minutesSummary: string | null;
  consultationRecord: ConsultationRecord | null;
  reminded: boolean;
  scheduledBy: string;
  createdAt: Date;
  heldRecordedAt: Date | null;
}

export interface TimeSpan {
  id: string;
  startsAt: number;
  endsAt: number;
}

/** The first span of the diary the new one overlaps (touching ends do not overlap), if any. */
export function findOverlap(span: Omit<TimeSpan, 'id'>, diary: readonly TimeSpan[]): TimeSpan | undefined {
  return diary.find((s) => s.startsAt < span.endsAt && span.startsAt < s.endsAt);
}

/** Field errors for the times of a new session: not in the past, ends after it starts, at most 12 hours. */
export function checkSessionTimes(startsAt: string, endsAt: string, now: Date): { field: string; reason: string }[] {
  const start = Date.parse(startsAt);
  const end = Date.parse(endsAt);
  const errors: { field: string; reason: string }[] = [];
  if (start <= now.getTime()) errors.push({ field: 'startsAt', reason: `调解时间不能早于当前时间 a session cannot be scheduled in the past (${startsAt} ≤ ${now.toISOString()})` });
  if (end <= start) errors.push({ field: 'endsAt', reason: '结束时间须晚于开始时间 a session must end after it starts' });
  else if (end - start > 12 * 3_600_000) errors.push({ field: 'endsAt', reason: '一次调解不超过12小时 a session lasts at most 12 hours' });
  return errors;
}
