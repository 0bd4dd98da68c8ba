import type { CaseCommand } from './case-commands';
import type { CaseState } from './case-state';

/** The fields every event copies from its command. */
export function eventBase(state: CaseState, command: CaseCommand) {
  return { caseId: state.caseId, at: command.at, actor: command.actor };
}
