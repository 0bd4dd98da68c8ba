import type { Labels } from './spelling';

/**
 * Every command a case takes. People send most of them through the casework API (a Temporal Update of the
 * same name); register, classify, answerDirectly, reopen and attachDuplicate come from intake or the workflow.
 */
export const CASE_COMMANDS = [
  'register',
  'classify',
  'answerDirectly',
  'dispatch',
  'accept',
  'return',
  'redispatch',
  'escalate',
  'summonDepartments',
  'reportIn',
  'refuse',
  'decideRefusal',
  'withdrawSummons',
  'releaseSummons',
  'answer',
  'resolve',
  'suspend',
  'resume',
  'requestExtension',
  'decideExtension',
  'issueSupervisionNotice',
  'recordCallback',
  'reopen',
  'merge',
  'attachDuplicate',
  'close',
] as const;
export type CaseCommandName = (typeof CASE_COMMANDS)[number];

export const CASE_COMMAND_LABELS: Labels<CaseCommandName> = {
  register: { zh: '受理登记', en: 'register' },
  classify: { zh: '分类定级', en: 'classify' },
  answerDirectly: { zh: '一次办结', en: 'answer directly' },
  dispatch: { zh: '派单', en: 'dispatch' },
  accept: { zh: '签收', en: 'accept' },
  return: { zh: '退单', en: 'return' },
  redispatch: { zh: '重新派单', en: 'redispatch' },
  escalate: { zh: '升级', en: 'escalate' },
  summonDepartments: { zh: '吹哨部门', en: 'summon departments' },
  reportIn: { zh: '部门报到', en: 'report in' },
  refuse: { zh: '部门拒绝', en: 'refuse' },
  decideRefusal: { zh: '裁决部门拒绝', en: 'decide on a refusal' },
  withdrawSummons: { zh: '撤回吹哨', en: 'withdraw a summons' },
  releaseSummons: { zh: '解除部门吹哨', en: 'release a department' },
  answer: { zh: '部门答复', en: 'answer' },
  resolve: { zh: '办结', en: 'resolve' },
  suspend: { zh: '挂起', en: 'suspend' },
  resume: { zh: '恢复办理', en: 'resume' },
  requestExtension: { zh: '申请延期', en: 'request an extension' },
  decideExtension: { zh: '审批延期', en: 'decide on an extension' },
  issueSupervisionNotice: { zh: '督办', en: 'issue a supervision notice' },
  recordCallback: { zh: '回访', en: 'record a callback' },
  reopen: { zh: '重办', en: 'reopen' },
  merge: { zh: '合并', en: 'merge' },
  attachDuplicate: { zh: '关联重复件', en: 'attach a duplicate' },
  close: { zh: '归档', en: 'close' },
};

/** What the staff of the unit holding a case do with it (签收, 退单, 升级, 办结, 挂起, 恢复, 延期). */
export const HANDLING_COMMANDS: ReadonlySet<CaseCommandName> = new Set(['accept', 'return', 'escalate', 'resolve', 'suspend', 'resume', 'requestExtension']);

/** Commands the workflow sends itself, as 'system' (its timers, the router, the callback's follow-ups). */
export const SYSTEM_COMMANDS: ReadonlySet<CaseCommandName> = new Set([
  'register', 'classify', 'dispatch', 'escalate', 'resume', 'issueSupervisionNotice', 'recordCallback', 'reopen', 'merge', 'attachDuplicate', 'close',
]);
