import type { CaseCommand } from './case-commands';
import type { CaseState } from './case-state';
import { type Decision, refused } from './decision';
import {
  decideDecideRefusal,
  decideDepartmentAnswer,
  decideDepartmentRefuse,
  decideDepartmentReportIn,
  decideReleaseSummons,
  decideSummonDepartments,
  decideWithdrawSummons,
} from './decide-departments';
import { decideClose, decideRecordCallback, decideReopen } from './decide-closing';
import {
  decideAccept,
  decideDecideExtension,
  decideEscalate,
  decideIssueSupervisionNotice,
  decideRequestExtension,
  decideResolve,
  decideResume,
  decideSuspend,
} from './decide-handling';
import {
  decideAnswerDirectly,
  decideAttachDuplicate,
  decideClassify,
  decideDispatch,
  decideMerge,
  decideRedispatch,
  decideRegister,
  decideReturn,
} from './decide-intake';
import { rejections } from './rejection';

/**
 * 案件状态机: may this command happen now, and what happens if so? Pure: no I/O, no clock, no randomness,
 * so a Temporal workflow can call it in an Update validator (a refusal becomes HTTP 409 with its reason) and
 * again in the handler before applying the events with `evolve`.
 */
export function decide(state: CaseState, command: CaseCommand): Decision {
  const common = commonRefusal(state, command);
  if (common) return refused(common);
  switch (command.type) {
    case 'register':
      return decideRegister(state, command);
    case 'classify':
      return decideClassify(state, command);
    case 'answerDirectly':
      return decideAnswerDirectly(state, command);
    case 'dispatch':
      return decideDispatch(state, command);
    case 'accept':
      return decideAccept(state, command);
    case 'return':
      return decideReturn(state, command);
    case 'redispatch':
      return decideRedispatch(state, command);
    case 'escalate':
      return decideEscalate(state, command);
    case 'summonDepartments':
      return decideSummonDepartments(state, command);
    case 'reportIn':
      return decideDepartmentReportIn(state, command);
    case 'refuse':
      return decideDepartmentRefuse(state, command);
    case 'decideRefusal':
      return decideDecideRefusal(state, command);
    case 'withdrawSummons':
      return decideWithdrawSummons(state, command);
    case 'releaseSummons':
      return decideReleaseSummons(state, command);
    case 'answer':
      return decideDepartmentAnswer(state, command);
    case 'resolve':
      return decideResolve(state, command);
    case 'suspend':
      return decideSuspend(state, command);
    case 'resume':
      return decideResume(state, command);
    case 'requestExtension':
      return decideRequestExtension(state, command);
    case 'decideExtension':
      return decideDecideExtension(state, command);
    case 'issueSupervisionNotice':
      return decideIssueSupervisionNotice(state, command);
    case 'recordCallback':
      return decideRecordCallback(state, command);
    case 'reopen':
      return decideReopen(state, command);
    case 'merge':
      return decideMerge(state, command);
    case 'attachDuplicate':
      return decideAttachDuplicate(state, command);
    case 'close':
      return decideClose(state, command);
    default:
      return assertNever(command);
  }
}

/** Refusals that apply to every command: order of registration, time order, finished cases. */
function commonRefusal(state: CaseState, command: CaseCommand) {
  if (command.type === 'register') {
    if (state.status !== 'new') return rejections.alreadyRegistered();
    return Number.isFinite(command.at) ? undefined : rejections.invalidTime();
  }
  if (state.status === 'new') return rejections.notRegistered(command.type);
  if (!Number.isFinite(command.at)) return rejections.invalidTime();
  if (state.lastEventAt !== null && command.at < state.lastEventAt) return rejections.timeBeforeLastEvent(command.at, state.lastEventAt);
  if (state.status === 'closed') return rejections.caseClosed(command.type);
  if (state.status === 'merged') return rejections.caseMerged(command.type, state.masterCaseId ?? '—');
  return undefined;
}

function assertNever(command: never): never {
  throw new Error(`Unknown case command ${JSON.stringify(command)}`);
}
