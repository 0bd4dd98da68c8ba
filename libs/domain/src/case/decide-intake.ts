import type {
  AnswerDirectlyCommand,
  AttachDuplicateCommand,
  ClassifyCommand,
  DispatchCommand,
  MergeCommand,
  RedispatchCommand,
  RegisterCommand,
  ReturnCommand,
} from './case-commands';
import { clockStart } from './case-clocks';
import type { Assignee, CaseRoute, CaseState } from './case-state';
import { type Decision, accepted, firstFailure, refused } from './decision';
import { eventBase } from './event-base';
import { requireHandler, requirePower, requireStatus, requireText } from './guards';
import { rejections } from './rejection';

/** 受理: operators log calls, grid workers report from patrol (巡查上报), the app comes in as 'system'. */
export function decideRegister(state: CaseState, command: RegisterCommand): Decision {
  const failure = firstFailure(
    () => requirePower(command),
    () => requireText(command.type, 'summary', command.summary),
  );
  if (failure) return refused(failure);
  const { channel, summary, requestType, location } = command;
  return accepted({ type: 'CaseRegistered', ...eventBase(state, command), channel, summary, requestType, ...(location ? { location } : {}) });
}

/** 分类定级; may be redone until dispatch, and after a return (退单) when the category was wrong. */
export function decideClassify(state: CaseState, command: ClassifyCommand): Decision {
  const failure = firstFailure(
    () => requireStatus(state, command.type, 'registered', 'classified', 'returned'),
    () => requirePower(command),
    () => requireText(command.type, 'categoryCode', command.categoryCode),
    () => (command.slaWindows.priority === command.priority ? undefined : rejections.slaWindowsMismatch()),
  );
  if (failure) return refused(failure);
  const { categoryCode, requestType, priority, isDispute, slaWindows } = command;
  return accepted({ type: 'CaseClassified', ...eventBase(state, command), categoryCode, requestType, priority, isDispute, slaWindows });
}

/** 一次办结: the operator answers an inquiry on the call and the case closes at once. */
export function decideAnswerDirectly(state: CaseState, command: AnswerDirectlyCommand): Decision {
  const requestType = state.classification?.requestType ?? state.intake?.requestType;
  const failure = firstFailure(
    () => requireStatus(state, command.type, 'registered', 'classified'),
    () => requirePower(command),
    () => (requestType === 'inquiry' ? undefined : rejections.directAnswerOnlyForInquiries()),
    () => requireText(command.type, 'answer', command.answer),
  );
  if (failure) return refused(failure);
  return accepted(
    { type: 'CaseAnsweredDirectly', ...eventBase(state, command), answer: command.answer },
    { type: 'CaseClosed', ...eventBase(state, command), reason: 'direct-answer' },
  );
}

/** 派单 to the community that owns the place (or straight to the street); the acceptance window starts. */
export function decideDispatch(state: CaseState, command: DispatchCommand): Decision {
  const failure = firstFailure(
    () => requireStatus(state, command.type, 'classified'),
    () => requirePower(command),
    () => checkRoute(command.route),
  );
  if (failure) return refused(failure);
  return accepted(dispatchedEvent(state, command, false));
}

/** 退单: the assigned unit sends the case back (wrong jurisdiction) before accepting it. */
export function decideReturn(state: CaseState, command: ReturnCommand): Decision {
  const failure = firstFailure(
    () => (state.status === 'in-handling' || state.status === 'suspended' ? rejections.returnAfterAcceptance() : undefined),
    () => requireStatus(state, command.type, 'dispatched'),
    () => requireHandler(state, command),
    () => requireText(command.type, 'reason', command.reason),
  );
  if (failure) return refused(failure);
  return accepted({ type: 'CaseReturned', ...eventBase(state, command), unitId: state.assignee!.unitId, reason: command.reason });
}

/** 重新派单 after a return, by the dispatcher (a router cannot place what it placed wrongly). */
export function decideRedispatch(state: CaseState, command: RedispatchCommand): Decision {
  const failure = firstFailure(
    () => requireStatus(state, command.type, 'returned'),
    () => requirePower(command),
    () => checkRoute(command.route),
  );
  if (failure) return refused(failure);
  return accepted(dispatchedEvent(state, command, true));
}

/** 合并: this case is a duplicate; it ends here and lives on in the master case. */
export function decideMerge(state: CaseState, command: MergeCommand): Decision {
  const failure = firstFailure(
    () => requireStatus(state, command.type, 'registered', 'classified', 'dispatched', 'returned', 'in-handling', 'suspended'),
    () => requirePower(command),
    () => requireText(command.type, 'masterCaseId', command.masterCaseId),
    () => (command.masterCaseId === state.caseId ? rejections.cannotMergeIntoItself() : undefined),
  );
  if (failure) return refused(failure);
  return accepted({ type: 'CaseMerged', ...eventBase(state, command), masterCaseId: command.masterCaseId });
}

/** The master's side of a merge, so its callback can reach every caller. */
export function decideAttachDuplicate(state: CaseState, command: AttachDuplicateCommand): Decision {
  const failure = firstFailure(
    () => requirePower(command),
    () => requireText(command.type, 'duplicateCaseId', command.duplicateCaseId),
    () => (command.duplicateCaseId === state.caseId ? rejections.cannotMergeIntoItself() : undefined),
    () => (state.duplicateCaseIds.includes(command.duplicateCaseId) ? rejections.duplicateAlreadyAttached(command.duplicateCaseId) : undefined),
  );
  if (failure) return refused(failure);
  return accepted({ type: 'DuplicateAttached', ...eventBase(state, command), duplicateCaseId: command.duplicateCaseId });
}

function checkRoute(route: CaseRoute) {
  return route && typeof route.streetId === 'string' && route.streetId.trim() !== '' ? undefined : rejections.routeWithoutStreet();
}

function dispatchedEvent(state: CaseState, command: DispatchCommand | RedispatchCommand, redispatch: boolean) {
  const { route } = command;
  const assignee: Assignee = route.communityId ? { unitId: route.communityId, level: 'community' } : { unitId: route.streetId, level: 'street' };
  return { type: 'CaseDispatched' as const, ...eventBase(state, command), route, assignee, redispatch, clock: clockStart(state, 'acceptance') };
}
