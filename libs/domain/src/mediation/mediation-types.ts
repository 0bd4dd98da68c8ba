import type { Bilingual } from '../shared/bilingual';

/** 纠纷类型 — the same words as libs/contracts' disputeTypeSchema. */
export type DisputeType = 'neighbour' | 'property-management' | 'wages' | 'family' | 'consumer' | 'land-compound' | 'other';

export const DISPUTE_TYPES: readonly DisputeType[] = ['neighbour', 'property-management', 'wages', 'family', 'consumer', 'land-compound', 'other'];

export const DISPUTE_TYPE_LABELS: Readonly<Record<DisputeType, Bilingual>> = {
  neighbour: { zh: '邻里纠纷', en: 'neighbour dispute' },
  'property-management': { zh: '物业纠纷', en: 'property-management dispute' },
  wages: { zh: '劳资纠纷', en: 'wage dispute' },
  family: { zh: '婚姻家庭纠纷', en: 'family dispute' },
  consumer: { zh: '消费纠纷', en: 'consumer dispute' },
  'land-compound': { zh: '土地院落纠纷', en: 'land or compound dispute' },
  other: { zh: '其他纠纷', en: 'other dispute' },
};

/** 社区人民调解委员会 (community) or the street's 矛盾调解中心 (street): "小事不出社区，大事不出街道". */
export type MediationLevel = 'community' | 'street';

export const MEDIATION_LEVEL_LABELS: Readonly<Record<MediationLevel, Bilingual>> = {
  community: { zh: '社区人民调解委员会', en: "the community's people's mediation committee" },
  street: { zh: '街道矛盾调解中心', en: "the street's mediation centre" },
};

/** Where a mediation that failed at the street sends the parties (《人民调解法》第二十六条). */
export type MediationGuidance = 'arbitration' | 'litigation' | 'judicial-confirmation';

export const GUIDANCE_LABELS: Readonly<Record<MediationGuidance, Bilingual>> = {
  arbitration: { zh: '申请仲裁', en: 'apply for arbitration' },
  litigation: { zh: '向人民法院起诉', en: 'bring a suit before the people’s court' },
  'judicial-confirmation': { zh: '申请司法确认', en: 'apply to the court for judicial confirmation' },
};

/** Where a dispute stands. */
export type MediationStage =
  | 'awaiting-mediator' // 待指派调解员
  | 'mediating' // 调解中
  | 'agreed' // 已达成协议，履行中 (terms running, follow-ups due)
  | 'resolved' // 已化解 (every term kept)
  | 'failed'; // 调解终止 (failed at the street: parties guided to arbitration, litigation or judicial confirmation)

export const MEDIATION_STAGE_LABELS: Readonly<Record<MediationStage, Bilingual>> = {
  'awaiting-mediator': { zh: '待指派调解员', en: 'awaiting a mediator' },
  mediating: { zh: '调解中', en: 'being mediated' },
  agreed: { zh: '协议履行中', en: 'under an agreement' },
  resolved: { zh: '已化解', en: 'resolved' },
  failed: { zh: '调解终止', en: 'ended without agreement' },
};

/** What the next step after a failure at a level is: the street centre, or the parties' legal remedies. */
export type MediationNext = 'street-centre' | MediationGuidance;

/** Fixed rules of mediation practice. */
export const MEDIATION_RULES = {
  /** Natural days of mediation allowed at each level (《人民调解法》 practice: 30 days, then end the mediation). */
  limitDays: 30,
  /** Longest minutes summary an event carries. */
  maxMinutesLength: 4000,
} as const;
