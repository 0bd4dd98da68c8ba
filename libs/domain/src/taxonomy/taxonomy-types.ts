import type { Bilingual } from '../shared/bilingual';
import type { Priority } from '../sla/priority';

/** The five kinds of request the 12345 platform takes. */
export type RequestType =
  | 'inquiry' // 咨询
  | 'suggestion' // 建议
  | 'tip-off' // 举报
  | 'complaint' // 投诉
  | 'help'; // 求助

export const REQUEST_TYPES = ['inquiry', 'suggestion', 'tip-off', 'complaint', 'help'] as const satisfies readonly RequestType[];

export const REQUEST_TYPE_LABELS: Readonly<Record<RequestType, Bilingual>> = {
  inquiry: { zh: '咨询', en: 'inquiry' },
  suggestion: { zh: '建议', en: 'suggestion' },
  'tip-off': { zh: '举报', en: 'tip-off' },
  complaint: { zh: '投诉', en: 'complaint' },
  help: { zh: '求助', en: 'help' },
};

/** 大类, code of two digits, e.g. '05' 供水. */
export interface MajorCategory extends Bilingual {
  readonly code: string;
}

/** 小类, code of four digits whose first two are its major's, e.g. '0501' 停水. */
export interface MinorCategory extends Bilingual {
  readonly code: string;
  readonly majorCode: string;
  readonly requestTypes: readonly RequestType[];
  /** Default owning department, a DepartmentType code. */
  readonly department: string;
  readonly priority: Priority;
  /** An SLA profile id, e.g. 'standard', 'utilities-24h'. */
  readonly slaProfile: string;
  /** Dispute categories (纠纷类) go to mediation. */
  readonly isDispute: boolean;
}

/** A parsed, validated taxonomy. */
export interface Taxonomy {
  readonly name: Bilingual;
  readonly majors: readonly MajorCategory[];
  readonly minors: readonly MinorCategory[];
}
