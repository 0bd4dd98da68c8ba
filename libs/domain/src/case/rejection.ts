import { type BusinessDuration, describeDuration } from '../calendar/business-duration';
import type { Bilingual } from '../shared/bilingual';
import { CASE_COMMAND_LABELS } from '../vocabulary/case-commands';
import { readSummonsStatus, SUMMONS_STATUS_LABELS } from '../vocabulary/case-words';
import { departmentTypeOf } from '../vocabulary/departments';
import { type ActorRole, ROLE_LABELS } from '../vocabulary/roles';
import type { CaseCommandType } from './case-commands';
import { CASE_STATUS_LABELS, type CaseStatus } from './case-state';

/** Why a command was refused: a stable code for programs, a sentence for people (becomes an HTTP 409). */
export interface Rejection extends Bilingual {
  readonly code: string;
}

const reject = (code: string, zh: string, en: string): Rejection => ({ code, zh, en });
const label = (command: CaseCommandType) => CASE_COMMAND_LABELS[command];

/** A department by its type's name (the domain knows no unit names; the id is never shown to people). */
const department = (departmentId: string): Bilingual => {
  const type = departmentTypeOf(departmentId);
  return type ? { zh: type.zh, en: type.en } : { zh: '该部门', en: 'the department' };
};
const summonsState = (status: string): Bilingual => {
  const known = readSummonsStatus(status);
  return known ? SUMMONS_STATUS_LABELS[known] : { zh: `状态（${status}）`, en: `in state '${status}'` };
};
const departments = (ids: readonly string[]): Bilingual => ({ zh: ids.map((id) => department(id).zh).join('、'), en: ids.map((id) => department(id).en).join(', ') });

/** Every reason the state machine gives, in one place so wording stays consistent. */
export const rejections = {
  notRegistered: (command: CaseCommandType) =>
    reject('NOT_REGISTERED', `案件尚未受理，不能${label(command).zh}。`, `Cannot ${label(command).en}: the case has not been registered.`),
  alreadyRegistered: () => reject('ALREADY_REGISTERED', '案件已受理，不能重复登记。', 'The case is already registered.'),
  invalidTime: () => reject('INVALID_TIME', '操作时间无效。', 'The command carries no valid time.'),
  timeBeforeLastEvent: (at: number, last: number) =>
    reject('TIME_BEFORE_LAST_EVENT', `操作时间早于案件的上一步（${new Date(last).toISOString()}）。`, `The command's time ${new Date(at).toISOString()} is before the case's last event at ${new Date(last).toISOString()}.`),
  caseClosed: (command: CaseCommandType) =>
    reject('CASE_CLOSED', `案件已归档，不能${label(command).zh}。`, `Cannot ${label(command).en}: the case is closed.`),
  caseMerged: (command: CaseCommandType, masterCaseId: string) =>
    reject('CASE_MERGED', `案件已合并至 ${masterCaseId}，请在主案件上${label(command).zh}。`, `Cannot ${label(command).en}: the case was merged into ${masterCaseId}; act on the master case.`),
  invalidStatus: (command: CaseCommandType, status: CaseStatus) =>
    reject('INVALID_STATUS', `案件${CASE_STATUS_LABELS[status].zh}，不能${label(command).zh}。`, `Cannot ${label(command).en} while the case is ${CASE_STATUS_LABELS[status].en}.`),
  roleNotAllowed: (command: CaseCommandType, role: ActorRole) =>
    reject('ROLE_NOT_ALLOWED', `${ROLE_LABELS[role].zh}无权${label(command).zh}。`, `A ${ROLE_LABELS[role].en} may not ${label(command).en}.`),
  notAssignee: (command: CaseCommandType) =>
    reject('NOT_ASSIGNEE', `只有承办单位的人员可以${label(command).zh}。`, `Only staff of the unit handling the case may ${label(command).en}.`),
  notSummonedDepartmentStaff: (command: CaseCommandType, departmentId: string) =>
    reject('NOT_ASSIGNEE', `只有${department(departmentId).zh}的联络员可以${label(command).zh}。`, `Only the liaison of ${department(departmentId).en} may ${label(command).en}.`),
  textRequired: (command: CaseCommandType, field: string) =>
    reject('TEXT_REQUIRED', `${label(command).zh}须填写${field}。`, `To ${label(command).en}, '${field}' must not be empty.`),
  alreadyAccepted: () => reject('ALREADY_ACCEPTED', '案件已签收，不能重复签收。', 'The case has already been accepted.'),
  returnAfterAcceptance: () => reject('RETURN_AFTER_ACCEPTANCE', '案件已签收，不能退单；如无权处置请申请升级。', 'The case was accepted and can no longer be returned; escalate it instead.'),
  caseSuspended: (command: CaseCommandType) =>
    reject('CASE_SUSPENDED', `案件已挂起，请先恢复办理再${label(command).zh}。`, `Cannot ${label(command).en} while the case is suspended; resume it first.`),
  notSuspended: () => reject('NOT_SUSPENDED', '案件未挂起。', 'The case is not suspended.'),
  suspensionLimitReached: (limit: BusinessDuration) =>
    reject('SUSPENSION_LIMIT_REACHED', `累计挂起已达上限（${describeDuration(limit).zh}）。`, `The case has used its maximum total suspension (${describeDuration(limit).en}).`),
  slaWindowsMismatch: () =>
    reject('SLA_WINDOWS_MISMATCH', '时限方案与所定紧急程度不一致。', 'The SLA windows were resolved for a different priority.'),
  directAnswerOnlyForInquiries: () =>
    reject('DIRECT_ANSWER_ONLY_FOR_INQUIRIES', '只有咨询类诉求可以一次办结。', 'Only inquiries can be answered directly at intake.'),
  routeWithoutStreet: () => reject('ROUTE_WITHOUT_STREET', '派单须指定街道。', 'A dispatch route must name a street.'),
  escalateBeforeAcceptance: () =>
    reject('ESCALATE_BEFORE_ACCEPTANCE', '未签收的案件只能因签收超时升级；请签收或退单。', 'A case not yet accepted can only be escalated on an acceptance breach; accept or return it.'),
  alreadyAtStreet: () =>
    reject('ALREADY_AT_STREET', '案件已在街道层级：请吹哨部门，超时由督查员督办。', 'The case is already at the street: summon departments; breaches go to supervisors.'),
  notAtStreet: () => reject('NOT_AT_STREET', '只有街道层级可以吹哨部门，请先升级到街道。', 'Only the street can summon departments; escalate to the street first.'),
  noDepartments: () => reject('NO_DEPARTMENTS', '吹哨须至少指定一个部门，且不能重复。', 'Name at least one department, each once.'),
  departmentAlreadySummoned: (departmentId: string) =>
    reject('DEPARTMENT_ALREADY_SUMMONED', `${department(departmentId).zh}已在办理本案。`, `${department(departmentId).en} is already summoned to this case.`),
  departmentNotSummoned: (departmentId: string) =>
    reject('DEPARTMENT_NOT_SUMMONED', `${department(departmentId).zh}未被吹哨或已退出本案。`, `${department(departmentId).en} has no open summons on this case.`),
  summonsInWrongState: (command: CaseCommandType, departmentId: string, status: string) =>
    reject(
      'SUMMONS_IN_WRONG_STATE',
      `${department(departmentId).zh}当前${summonsState(status).zh}，不能${label(command).zh}。`,
      `${department(departmentId).en} is ${summonsState(status).en} and cannot ${label(command).en}.`,
    ),
  departmentsOutstanding: (departmentIds: readonly string[]) =>
    reject(
      'DEPARTMENTS_OUTSTANDING',
      `${departments(departmentIds).zh} 尚未答复、退出或被撤回，不能办结；可撤回吹哨，超时督办后可由督查员解除。`,
      `${departments(departmentIds).en}: not answered, released or withdrawn yet; the case cannot be resolved. Withdraw the summons, or after its breach and 督办 a supervisor may release it.`,
    ),
  summonsNotBreached: (departmentId: string) =>
    reject(
      'SUMMONS_NOT_BREACHED',
      `${department(departmentId).zh}的时限尚未超时督办，不能解除；街道可撤回吹哨。`,
      `${department(departmentId).en} has not let a window run out (no breach, no 督办): it cannot be released; the street may withdraw the summons.`,
    ),
  breachOnlyByTimer: () =>
    reject('BREACH_ONLY_BY_TIMER', '部门超时只能由系统计时记录。', 'A department’s breach is recorded by the workflow’s timer only.'),
  extensionPending: () => reject('EXTENSION_PENDING', '已有待审批的延期申请。', 'An extension request is already pending.'),
  noPendingExtension: () => reject('NO_PENDING_EXTENSION', '没有待审批的延期申请。', 'There is no pending extension request.'),
  extensionBasisMismatch: () =>
    reject('EXTENSION_BASIS_MISMATCH', '延期须与当前时限同为工作时间或同为自然时间。', 'An extension must use the same basis (working or natural time) as the running window.'),
  invalidDuration: () => reject('INVALID_DURATION', '时长必须为正数。', 'The duration must be positive.'),
  satisfactionRequired: () => reject('SATISFACTION_REQUIRED', '回访接通时须记录满意度。', 'A reached callback must record the citizen’s satisfaction.'),
  reopenNeedsDissatisfaction: () =>
    reject('REOPEN_NEEDS_DISSATISFACTION', '只有回访不满意的案件可以重办。', 'Only a case whose callback was dissatisfied can be reopened.'),
  reopenLimitReached: (max: number) =>
    reject('REOPEN_LIMIT_REACHED', `案件已重办 ${max} 次，不能再重办，须由督查员复核。`, `The case has been reopened ${max} times already; it goes to supervisor review instead.`),
  closeNotAllowed: () =>
    reject('CLOSE_NOT_ALLOWED', '回访尚未满意或基本满意，也未达到未接通次数，不能归档。', 'The case can be closed only after a satisfied callback or enough unreached attempts.'),
  closeNeedsSupervisor: () =>
    reject('CLOSE_NEEDS_SUPERVISOR', '回访不满意的案件只能由督查员决定归档。', 'Only a supervisor may close a case whose callback was dissatisfied.'),
  cannotMergeIntoItself: () => reject('CANNOT_MERGE_INTO_ITSELF', '案件不能合并到自身。', 'A case cannot be merged into itself.'),
  duplicateAlreadyAttached: (duplicateCaseId: string) =>
    reject('DUPLICATE_ALREADY_ATTACHED', `重复件 ${duplicateCaseId} 已关联。`, `Duplicate ${duplicateCaseId} is already attached.`),
};
