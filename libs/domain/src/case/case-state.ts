import type { BusinessDuration } from '../calendar/business-duration';
import type { Bilingual } from '../shared/bilingual';
import type { Priority } from '../sla/priority';
import type { SlaClock } from '../sla/sla-clock';
import type { SlaWindows } from '../sla/sla-windows';
import type { RequestType } from '../taxonomy/taxonomy-types';
import type { Channel } from '../vocabulary/channels';
import type { ClosureReason, SummonsStatus } from '../vocabulary/case-words';
import type { Satisfaction } from '../vocabulary/satisfaction';
import type { SlaWindowName } from '../vocabulary/sla-windows';
import type { Actor } from './actor';

export type CaseStatus =
  | 'new' // not yet registered: the state before the first event
  | 'registered' // 受理
  | 'classified' // 分类定级
  | 'dispatched' // 派单, waiting for 签收
  | 'returned' // 退单, waiting for the dispatcher
  | 'in-handling' // 签收后办理中
  | 'suspended' // 挂起
  | 'resolved' // 办结, waiting for 回访
  | 'called-back' // 已回访
  | 'under-review' // 督查复核 after the last allowed reopen
  | 'closed' // 归档
  | 'merged'; // 合并 into a master case

export const CASE_STATUS_LABELS: Readonly<Record<CaseStatus, Bilingual>> = {
  new: { zh: '未受理', en: 'not registered' },
  registered: { zh: '已受理', en: 'registered' },
  classified: { zh: '已分类定级', en: 'classified' },
  dispatched: { zh: '已派单待签收', en: 'dispatched' },
  returned: { zh: '已退单待重派', en: 'returned' },
  'in-handling': { zh: '办理中', en: 'in handling' },
  suspended: { zh: '已挂起', en: 'suspended' },
  resolved: { zh: '已办结待回访', en: 'resolved' },
  'called-back': { zh: '已回访', en: 'called back' },
  'under-review': { zh: '督查复核中', en: 'under supervisor review' },
  closed: { zh: '已归档', en: 'closed' },
  merged: { zh: '已合并', en: 'merged' },
};

/** The ladder rung that holds the case: L1 community, L2 street, L3 street with summoned departments. */
export type HandlingLevel = 'community' | 'street' | 'departments';

export interface CaseLocation {
  readonly address?: string;
  readonly lng?: number;
  readonly lat?: number;
}

/** Where the router placed the case. A case with no community goes straight to the street. */
export interface CaseRoute {
  readonly streetId: string;
  readonly communityId?: string;
  readonly gridId?: string;
}

export interface Assignee {
  readonly unitId: string;
  readonly level: 'community' | 'street';
}

/** A clock and the window it times, e.g. the community's 3 working days. */
export interface CaseClock {
  readonly window: SlaWindowName;
  readonly clock: SlaClock;
}

/** A window about to start, as events record it (the duration is copied, so the event log is self-contained). */
export interface ClockStart {
  readonly window: SlaWindowName;
  readonly duration: BusinessDuration;
}

export interface Classification {
  readonly categoryCode: string;
  readonly requestType: RequestType;
  readonly priority: Priority;
  readonly isDispute: boolean;
  readonly slaWindows: SlaWindows;
}

/** A summoned department's window that ran out, and the 督办 that followed (the workflow's timer). */
export interface SummonsBreach {
  readonly departmentId: string;
  readonly window: 'department-report-in' | 'department-answer';
}

/** One department's summons (吹哨) — each has its own clock. */
export interface DepartmentSummons {
  readonly departmentId: string;
  readonly status: SummonsStatus;
  readonly summonedAt: number;
  readonly clock: CaseClock | null;
  readonly refusal?: { readonly reason: string; readonly at: number; readonly from: 'summoned' | 'reported-in' };
  readonly answer?: { readonly plan: string; readonly result: string; readonly at: number };
  /** windows of this summons that ran out, each followed by 督办 (a supervisor may then release it) */
  readonly breaches?: readonly { readonly window: SummonsBreach['window']; readonly at: number }[];
  /** how it ended without an answer: 撤回 by the street, 解除 by a supervisor */
  readonly ending?: { readonly by: Actor; readonly at: number; readonly reason: string };
}

export interface CallbackRecord {
  readonly at: number;
  readonly by: Actor;
  readonly reached: boolean;
  readonly satisfaction?: Satisfaction;
  readonly comment?: string;
}

export interface CaseState {
  readonly caseId: string;
  readonly status: CaseStatus;
  /** Number of events applied; a workflow can use it for optimistic checks. */
  readonly version: number;
  readonly lastEventAt: number | null;
  readonly intake: {
    readonly channel: Channel;
    readonly summary: string;
    readonly requestType: RequestType;
    readonly location?: CaseLocation;
    readonly registeredAt: number;
    readonly registeredBy: Actor;
  } | null;
  readonly classification: Classification | null;
  readonly route: CaseRoute | null;
  readonly assignee: Assignee | null;
  readonly level: HandlingLevel | null;
  readonly acceptedAt: number | null;
  /** The case's main clock: acceptance, handling at the current level, or callback. */
  readonly clock: CaseClock | null;
  readonly summonses: readonly DepartmentSummons[];
  readonly suspension: {
    readonly current: { readonly since: number; readonly reason: string } | null;
    /** Natural time spent suspended in finished suspensions. */
    readonly totalMs: number;
    readonly count: number;
  };
  readonly pendingExtension: { readonly extra: BusinessDuration; readonly reason: string; readonly at: number; readonly by: Actor } | null;
  readonly approvedExtensions: readonly BusinessDuration[];
  readonly supervisionNotices: readonly { readonly at: number; readonly by: Actor; readonly notice: string }[];
  readonly returns: readonly { readonly at: number; readonly by: Actor; readonly unitId: string; readonly reason: string }[];
  readonly escalations: readonly { readonly at: number; readonly trigger: 'early' | 'breach'; readonly from: HandlingLevel; readonly to: 'street' }[];
  readonly resolution: { readonly at: number; readonly by: Actor; readonly summary: string } | null;
  readonly callbacks: readonly CallbackRecord[];
  /** 重办 count: at most CASE_RULES.maxReopens. */
  readonly reopenCount: number;
  readonly masterCaseId: string | null;
  readonly duplicateCaseIds: readonly string[];
  readonly closure: { readonly at: number; readonly by: Actor; readonly reason: ClosureReason } | null;
}

export function initialCaseState(caseId: string): CaseState {
  return {
    caseId,
    status: 'new',
    version: 0,
    lastEventAt: null,
    intake: null,
    classification: null,
    route: null,
    assignee: null,
    level: null,
    acceptedAt: null,
    clock: null,
    summonses: [],
    suspension: { current: null, totalMs: 0, count: 0 },
    pendingExtension: null,
    approvedExtensions: [],
    supervisionNotices: [],
    returns: [],
    escalations: [],
    resolution: null,
    callbacks: [],
    reopenCount: 0,
    masterCaseId: null,
    duplicateCaseIds: [],
    closure: null,
  };
}
