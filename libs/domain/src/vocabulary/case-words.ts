import { type Labels, reader } from './spelling';

/** Rung of the escalation ladder holding the case, as people see it: 社区 → 街道 → 部门(吹哨) → 督办. */
export const CASE_LEVELS = ['community', 'street', 'department', 'supervision'] as const;
export type CaseLevel = (typeof CASE_LEVELS)[number];

/** The two rungs whose unit holds (承办) a case; departments are summoned to it, supervisors watch it. */
export const HANDLING_RUNGS = ['community', 'street'] as const;
export type HandlingRung = (typeof HANDLING_RUNGS)[number];

/** Where a case stands, as events, search attributes and screens show it. */
export const CASE_STAGES = [
  'registered', // 已受理
  'awaiting-dispatch', // 待派单 (manual queue)
  'dispatched', // 已派单待签收
  'returned', // 已退单待重派
  'in-handling', // 办理中
  'suspended', // 已挂起
  'resolved', // 已办结待回访
  'called-back', // 已回访
  'under-review', // 督查复核
  'closed', // 已归档
  'merged', // 已合并
] as const;
export type CaseStage = (typeof CASE_STAGES)[number];

/** Stages in which the case is still being worked or waits for its callback. */
export const OPEN_STAGES: ReadonlySet<CaseStage> = new Set(['registered', 'awaiting-dispatch', 'dispatched', 'returned', 'in-handling', 'suspended', 'resolved', 'under-review']);

/** One department's summons (吹哨). */
export const SUMMONS_STATUSES = [
  'summoned', // 已吹哨，待报到
  'reported-in', // 已报到，办理中
  'refusal-pending', // 部门拒绝，待裁决
  'answered', // 已答复
  'released', // 退出: 拒绝理由成立, or 督查员 released it after its breach and 督办
  'withdrawn', // 街道撤回吹哨 before the answer
] as const;
export type SummonsStatus = (typeof SUMMONS_STATUSES)[number];

/** How people name a summons' state (the console's badges and the refusals' wording). */
export const SUMMONS_STATUS_LABELS: Labels<SummonsStatus> = {
  summoned: { zh: '待报到', en: 'summoned' },
  'reported-in': { zh: '已报到', en: 'reported in' },
  'refusal-pending': { zh: '拒绝待裁决', en: 'refusal pending' },
  answered: { zh: '已答复', en: 'answered' },
  released: { zh: '已免除', en: 'released' },
  withdrawn: { zh: '已撤回', en: 'withdrawn' },
};

/** A summons that owes nothing more: answered, released (拒绝成立 or 督查解除) or withdrawn (撤回). */
export const ENDED_SUMMONS_STATUSES: ReadonlySet<string> = new Set<SummonsStatus>(['answered', 'released', 'withdrawn']);
export const isSummonsOpen = (status: string): boolean => !ENDED_SUMMONS_STATUSES.has(status);

/** The domain once wrote reportedIn and refusalPending (carried-over workflow state may). */
export const readSummonsStatus = reader(SUMMONS_STATUSES, { reportedIn: 'reported-in', refusalPending: 'refusal-pending' });

/** Why a case was archived (归档). */
export const CLOSURE_REASONS = [
  'callback-completed', // 回访满意/基本满意
  'callback-unreachable', // 多次回访未接通
  'direct-answer', // 一次办结
  'supervisor-decision', // 督查员决定
] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];

export const readClosureReason = reader(CLOSURE_REASONS, {
  callbackCompleted: 'callback-completed',
  callbackUnreachable: 'callback-unreachable',
  directAnswer: 'direct-answer',
  supervisorDecision: 'supervisor-decision',
});

/** An SLA clock: 正常 · 预警 (≥ 80 %) · 超时 (≥ 100 %). */
export const SLA_STATUSES = ['on-track', 'warning', 'breached'] as const;
export type SlaStatus = (typeof SLA_STATUSES)[number];

export const SLA_STATUS_LABELS: Labels<SlaStatus> = {
  'on-track': { zh: '正常', en: 'on track' },
  warning: { zh: '预警', en: 'warning' },
  breached: { zh: '超时', en: 'breached' },
};

/** Recorded clock readings once said onTrack. */
export const readSlaStatus = reader(SLA_STATUSES, { onTrack: 'on-track' });
