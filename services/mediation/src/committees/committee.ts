import type { ProtectedPii } from '@civicflow/platform';

export type MediationLevel = 'community' | 'street';

/** 人民调解委员会 (one per community) or the street's 矛盾调解中心 (one per street). */
export interface CommitteeDoc {
  _id: string;
  name: string;
  level: MediationLevel;
  /** the community (committee) or the street (centre) it serves */
  unitId: string;
  streetId: string;
}

/** 调解员: a member of one committee or centre. `_id` is the user id of the sign-in (the token's subject). */
export interface MediatorDoc {
  _id: string;
  name: string;
  committeeId: string;
  level: MediationLevel;
  unitId: string;
  streetId: string;
  phone: ProtectedPii | null;
  idNumber: ProtectedPii | null;
  active: boolean;
  /** bumped whenever a session is put in this mediator's diary: the optimistic guard of the overlap check */
  diaryRevision: number;
}

export const committeeIdFor = (level: MediationLevel, unitId: string): string => (level === 'community' ? `cmte-${unitId}` : `centre-${unitId}`);
