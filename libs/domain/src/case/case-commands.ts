import type { BusinessDuration } from '../calendar/business-duration';
import type { Priority } from '../sla/priority';
import type { SlaWindows } from '../sla/sla-windows';
import type { RequestType } from '../taxonomy/taxonomy-types';
import type { Actor } from './actor';
import type { Channel } from '../vocabulary/channels';
import type { CaseCommandName } from '../vocabulary/case-commands';
import type { Satisfaction } from '../vocabulary/satisfaction';
import type { CaseLocation, CaseRoute, SummonsBreach } from './case-state';

/** Every command says who acts and when (UTC ms); the domain never reads a clock of its own. */
interface CommandBase {
  readonly actor: Actor;
  readonly at: number;
}

export interface RegisterCommand extends CommandBase {
  readonly type: 'register';
  readonly channel: Channel;
  readonly summary: string;
  readonly requestType: RequestType;
  readonly location?: CaseLocation;
}
export interface ClassifyCommand extends CommandBase {
  readonly type: 'classify';
  readonly categoryCode: string;
  readonly requestType: RequestType;
  readonly priority: Priority;
  readonly isDispute: boolean;
  /** Resolved by the caller with resolveSlaWindows; stored so later policy changes never touch this case. */
  readonly slaWindows: SlaWindows;
}
export interface AnswerDirectlyCommand extends CommandBase {
  readonly type: 'answerDirectly';
  readonly answer: string;
}
export interface DispatchCommand extends CommandBase {
  readonly type: 'dispatch';
  readonly route: CaseRoute;
}
export interface AcceptCommand extends CommandBase {
  readonly type: 'accept';
}
export interface ReturnCommand extends CommandBase {
  readonly type: 'return';
  readonly reason: string;
}
export interface RedispatchCommand extends CommandBase {
  readonly type: 'redispatch';
  readonly route: CaseRoute;
}
export interface EscalateCommand extends CommandBase {
  readonly type: 'escalate';
  /** early: the community lacks the powers; breach: a window ran out (sent by the workflow's timer). */
  readonly trigger: 'early' | 'breach';
  readonly note?: string;
}
export interface SummonDepartmentsCommand extends CommandBase {
  readonly type: 'summonDepartments';
  readonly departmentIds: readonly string[];
}
export interface DepartmentReportInCommand extends CommandBase {
  readonly type: 'reportIn';
  readonly departmentId: string;
}
export interface DepartmentRefuseCommand extends CommandBase {
  readonly type: 'refuse';
  readonly departmentId: string;
  readonly reason: string;
}
export interface DecideRefusalCommand extends CommandBase {
  readonly type: 'decideRefusal';
  readonly departmentId: string;
  readonly decision: 'accept' | 'overrule';
  readonly note?: string;
}
/** 撤回吹哨: the street (or a supervisor) withdraws a summons before its answer, with a reason. */
export interface WithdrawSummonsCommand extends CommandBase {
  readonly type: 'withdrawSummons';
  readonly departmentId: string;
  readonly reason: string;
}
/** 解除: a supervisor releases a department that let its window run out and was 督办-ed; its breach stays on its record. */
export interface ReleaseSummonsCommand extends CommandBase {
  readonly type: 'releaseSummons';
  readonly departmentId: string;
  readonly reason: string;
}
export interface DepartmentAnswerCommand extends CommandBase {
  readonly type: 'answer';
  readonly departmentId: string;
  readonly plan: string;
  readonly result: string;
}
export interface ResolveCommand extends CommandBase {
  readonly type: 'resolve';
  readonly summary: string;
}
export interface SuspendCommand extends CommandBase {
  readonly type: 'suspend';
  readonly reason: string;
}
export interface ResumeCommand extends CommandBase {
  readonly type: 'resume';
}
export interface RequestExtensionCommand extends CommandBase {
  readonly type: 'requestExtension';
  readonly extra: BusinessDuration;
  readonly reason: string;
}
export interface DecideExtensionCommand extends CommandBase {
  readonly type: 'decideExtension';
  readonly approved: boolean;
  readonly note?: string;
}
export interface IssueSupervisionNoticeCommand extends CommandBase {
  readonly type: 'issueSupervisionNotice';
  readonly notice: string;
  /** The workflow's automatic 督办 after a summoned department's window ran out (its timer; 'system' only). */
  readonly breach?: SummonsBreach;
}
export interface RecordCallbackCommand extends CommandBase {
  readonly type: 'recordCallback';
  readonly reached: boolean;
  /** Required when the citizen was reached. */
  readonly satisfaction?: Satisfaction;
  readonly comment?: string;
}
export interface ReopenCommand extends CommandBase {
  readonly type: 'reopen';
  readonly reason?: string;
}
export interface MergeCommand extends CommandBase {
  readonly type: 'merge';
  readonly masterCaseId: string;
}
export interface AttachDuplicateCommand extends CommandBase {
  readonly type: 'attachDuplicate';
  readonly duplicateCaseId: string;
}
export interface CloseCommand extends CommandBase {
  readonly type: 'close';
  readonly note?: string;
}

export type CaseCommand =
  | RegisterCommand
  | ClassifyCommand
  | AnswerDirectlyCommand
  | DispatchCommand
  | AcceptCommand
  | ReturnCommand
  | RedispatchCommand
  | EscalateCommand
  | SummonDepartmentsCommand
  | DepartmentReportInCommand
  | DepartmentRefuseCommand
  | DecideRefusalCommand
  | WithdrawSummonsCommand
  | ReleaseSummonsCommand
  | DepartmentAnswerCommand
  | ResolveCommand
  | SuspendCommand
  | ResumeCommand
  | RequestExtensionCommand
  | DecideExtensionCommand
  | IssueSupervisionNoticeCommand
  | RecordCallbackCommand
  | ReopenCommand
  | MergeCommand
  | AttachDuplicateCommand
  | CloseCommand;

export type CaseCommandType = CaseCommand['type'];

/** The vocabulary names every command once (CASE_COMMANDS); this fails to compile when the two drift apart. */
type SameNames<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const COMMAND_NAMES_MATCH: SameNames<CaseCommandType, CaseCommandName> = true;
