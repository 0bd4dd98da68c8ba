/**
 * Builders for state-machine tests (not part of the public API): actors of one street, commands with
 * increasing times, and `run` to drive a case through commands that must succeed.
 */
import { chinaTime, MINUTE_MS } from '../calendar/china-time';
import { workingDays } from '../calendar/business-duration';
import { resolveSlaWindows } from '../sla/sla-policy';
import type { Actor } from './actor';
import type { CaseCommand } from './case-commands';
import { type CaseState, initialCaseState } from './case-state';
import { execute } from './execute';
import type { Rejection } from './rejection';

export const T0 = chinaTime('2025-10-09', '09:00');
let minutes = 0;
/** Each call is one minute later than the last, so commands built in order are in time order. */
export const nextTime = (): number => T0 + ++minutes * MINUTE_MS;

const actor = (userId: string, role: Actor['role'], unitId: string): Actor => ({ userId, role, unitId });
export const ACTORS = {
  operator: actor('op-1', 'operator', 'hotline-centre'),
  dispatcher: actor('dsp-1', 'dispatcher', 'hotline-centre'),
  community: actor('ch-1', 'community-handler', 'binhe'),
  mediator: actor('med-1', 'mediator', 'binhe'),
  otherCommunity: actor('ch-9', 'community-handler', 'haixin'),
  street: actor('st-1', 'street-coordinator', 'xinhua'),
  urbanManagement: actor('um-1', 'department-liaison', 'hbw-um'),
  housing: actor('hs-1', 'department-liaison', 'dept-housing'),
  supervisor: actor('sup-1', 'supervisor', 'city-supervision'),
  system: actor('workflow', 'system', 'civicflow'),
} as const;

export const ROUTE = { streetId: 'xinhua', communityId: 'binhe', gridId: 'binhe-g03' };

type Without<C> = Partial<Omit<C, 'type'>>;
type Of<T extends CaseCommand['type']> = Extract<CaseCommand, { type: T }>;
const build =
  <T extends CaseCommand['type']>(type: T, defaults: Omit<Of<T>, 'type' | 'at'>) =>
  (overrides: Without<Of<T>> = {}): Of<T> =>
    ({ type, at: nextTime(), ...defaults, ...overrides }) as Of<T>;

export const cmd = {
  register: build('register', { actor: ACTORS.operator, channel: 'hotline', summary: '滨河小区门口窨井盖缺失', requestType: 'complaint' }),
  classify: build('classify', {
    actor: ACTORS.dispatcher,
    categoryCode: '0509',
    requestType: 'complaint',
    priority: 'normal',
    isDispute: false,
    slaWindows: resolveSlaWindows('standard', 'normal'),
  }),
  answerDirectly: build('answerDirectly', { actor: ACTORS.operator, answer: '已告知办理地点和所需材料' }),
  dispatch: build('dispatch', { actor: ACTORS.system, route: ROUTE }),
  accept: build('accept', { actor: ACTORS.community }),
  return: build('return', { actor: ACTORS.community, reason: '地址属海新社区' }),
  redispatch: build('redispatch', { actor: ACTORS.dispatcher, route: { streetId: 'xinhua', communityId: 'haixin' } }),
  escalate: build('escalate', { actor: ACTORS.community, trigger: 'early' }),
  summon: build('summonDepartments', { actor: ACTORS.street, departmentIds: ['hbw-um', 'dept-housing'] }),
  reportIn: build('reportIn', { actor: ACTORS.urbanManagement, departmentId: 'hbw-um' }),
  refuse: build('refuse', { actor: ACTORS.housing, departmentId: 'dept-housing', reason: '不属于本部门职责' }),
  decideRefusal: build('decideRefusal', { actor: ACTORS.street, departmentId: 'dept-housing', decision: 'accept' }),
  answer: build('answer', { actor: ACTORS.urbanManagement, departmentId: 'hbw-um', plan: '三日内补装井盖', result: '已补装' }),
  withdrawSummons: build('withdrawSummons', { actor: ACTORS.street, departmentId: 'dept-housing', reason: '已由城管处置，无需住建' }),
  releaseSummons: build('releaseSummons', { actor: ACTORS.supervisor, departmentId: 'dept-housing', reason: '部门超时未报到，督办无果，解除' }),
  /** the workflow's automatic 督办 after the department's window ran out (its timer) */
  breachNotice: build('issueSupervisionNotice', {
    actor: ACTORS.system,
    notice: '部门报到超时，自动督办',
    breach: { departmentId: 'dept-housing', window: 'department-report-in' },
  }),
  resolve: build('resolve', { actor: ACTORS.community, summary: '已协调补装井盖' }),
  suspend: build('suspend', { actor: ACTORS.community, reason: '等待产权单位确认' }),
  resume: build('resume', { actor: ACTORS.community }),
  requestExtension: build('requestExtension', { actor: ACTORS.community, extra: workingDays(2), reason: '需采购配件' }),
  decideExtension: build('decideExtension', { actor: ACTORS.supervisor, approved: true }),
  notice: build('issueSupervisionNotice', { actor: ACTORS.supervisor, notice: '请于今日内办结' }),
  callback: build('recordCallback', { actor: ACTORS.operator, reached: true, satisfaction: 'satisfied' }),
  reopen: build('reopen', { actor: ACTORS.operator, reason: '市民反映井盖仍松动' }),
  merge: build('merge', { actor: ACTORS.dispatcher, masterCaseId: 'C-MASTER' }),
  attachDuplicate: build('attachDuplicate', { actor: ACTORS.dispatcher, duplicateCaseId: 'C-DUP' }),
  close: build('close', { actor: ACTORS.operator }),
};

/** Applies commands that must all succeed; a refusal fails the test with its reason. */
export function run(state: CaseState, ...commands: CaseCommand[]): CaseState {
  return commands.reduce((current, command) => {
    const result = execute(current, command);
    if (!result.ok) throw new Error(`${command.type} was refused: ${result.reason.code} ${result.reason.en}`);
    return result.state;
  }, state);
}

/** Common starting points. */
export const fresh = (caseId = 'C-1'): CaseState => initialCaseState(caseId);
export const registered = () => run(fresh(), cmd.register());
export const classified = () => run(registered(), cmd.classify());
export const dispatched = () => run(classified(), cmd.dispatch());
export const inHandling = () => run(dispatched(), cmd.accept());
export const atStreet = () => run(inHandling(), cmd.escalate());
export const resolved = () => run(inHandling(), cmd.resolve());

/** The rejection of a command, or undefined if it would be accepted. */
export function refusalOf(state: CaseState, command: CaseCommand): Rejection | undefined {
  const result = execute(state, command);
  return result.ok ? undefined : result.reason;
}
