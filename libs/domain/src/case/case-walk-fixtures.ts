/**
 * Random walks over the case state machine (test helper, not part of the public API): a pool of commands from
 * every role and the workflow's timers, a way to pick the next one, and deep starting points.
 */
import { ACTORS, atStreet, cmd, fresh, inHandling, resolved, run } from './case-fixtures';
import type { CaseCommand } from './case-commands';
import type { CaseState } from './case-state';
import { decide } from './decide';

/** A pool of commands from every role; random sequences of them explore legal and illegal paths alike. */
export const pool: Array<(at: number) => CaseCommand> = [
  (at) => cmd.register({ at }),
  (at) => cmd.register({ at, requestType: 'inquiry' }),
  (at) => cmd.classify({ at }),
  (at) => cmd.classify({ at, isDispute: true }),
  (at) => cmd.answerDirectly({ at }),
  (at) => cmd.dispatch({ at }),
  (at) => cmd.dispatch({ at, route: { streetId: 'xinhua' } }),
  (at) => cmd.accept({ at }),
  (at) => cmd.accept({ at, actor: ACTORS.street }),
  (at) => cmd.return({ at }),
  (at) => cmd.redispatch({ at, route: { streetId: 'xinhua', communityId: 'binhe' } }),
  (at) => cmd.escalate({ at }),
  (at) => cmd.escalate({ at, trigger: 'breach', actor: ACTORS.system }),
  (at) => cmd.summon({ at }),
  (at) => cmd.summon({ at, departmentIds: ['hbw-um'] }),
  (at) => cmd.reportIn({ at }),
  (at) => cmd.reportIn({ at, actor: ACTORS.housing, departmentId: 'dept-housing' }),
  (at) => cmd.refuse({ at }),
  (at) => cmd.refuse({ at, actor: ACTORS.urbanManagement, departmentId: 'hbw-um' }),
  (at) => cmd.decideRefusal({ at }),
  (at) => cmd.decideRefusal({ at, decision: 'overrule', actor: ACTORS.supervisor }),
  (at) => cmd.withdrawSummons({ at }),
  (at) => cmd.withdrawSummons({ at, departmentId: 'hbw-um', actor: ACTORS.supervisor }),
  (at) => cmd.releaseSummons({ at }),
  (at) => cmd.releaseSummons({ at, departmentId: 'hbw-um' }),
  // the departments' timers: a window runs out and the workflow issues 督办
  (at) => cmd.breachNotice({ at }),
  (at) => cmd.breachNotice({ at, breach: { departmentId: 'hbw-um', window: 'department-answer' } }),
  (at) => cmd.answer({ at }),
  (at) => cmd.answer({ at, actor: ACTORS.housing, departmentId: 'dept-housing' }),
  (at) => cmd.resolve({ at }),
  (at) => cmd.resolve({ at, actor: ACTORS.street }),
  (at) => cmd.suspend({ at }),
  (at) => cmd.suspend({ at, actor: ACTORS.supervisor }),
  (at) => cmd.resume({ at, actor: ACTORS.supervisor }),
  (at) => cmd.requestExtension({ at }),
  (at) => cmd.requestExtension({ at, actor: ACTORS.street }),
  (at) => cmd.decideExtension({ at }),
  (at) => cmd.decideExtension({ at, approved: false }),
  (at) => cmd.notice({ at }),
  (at) => cmd.notice({ at, actor: ACTORS.system, notice: '街道办理超时，自动督办' }),
  (at) => cmd.callback({ at }),
  (at) => cmd.callback({ at, reached: false }),
  (at) => cmd.callback({ at, satisfaction: 'unsatisfied' }),
  (at) => cmd.reopen({ at }),
  (at) => cmd.merge({ at }),
  (at) => cmd.attachDuplicate({ at }),
  (at) => cmd.close({ at }),
  (at) => cmd.close({ at, actor: ACTORS.supervisor }),
  // Dissatisfied callbacks and reopens again, so walks reach the reopen limit and supervisor review.
  (at) => cmd.callback({ at, satisfaction: 'unsatisfied' }),
  (at) => cmd.reopen({ at, actor: ACTORS.supervisor }),
];

/**
 * Picks the next command: usually one the machine would accept right now (so walks go deep: escalation,
 * departments, suspension, reopen), sometimes any command of the pool (so refusals are exercised too).
 */
export function pick(state: CaseState, at: number, choice: { legal: boolean; index: number }): CaseCommand {
  const candidates = pool.map((build) => build(at));
  // Merging is legal almost everywhere and ends the case, so it is offered rarely or few walks would go deep.
  const legal = candidates.filter((command) => decide(state, command).ok && (command.type !== 'merge' || choice.index % 10 === 0));
  const from = choice.legal && legal.length > 0 ? legal : candidates;
  return from[choice.index % from.length];
}

/** Walks start from a fresh case or from deep states, so rare corners (the reopen limit) are reached too. */
const dissatisfied = () => cmd.callback({ satisfaction: 'unsatisfied' });
export const startingPoints: Array<{ state: CaseState; events: number }> = [
  fresh(),
  run(fresh(), cmd.register({ requestType: 'inquiry' })),
  inHandling(),
  run(atStreet(), cmd.summon()),
  run(resolved(), dissatisfied(), cmd.reopen(), cmd.resolve(), dissatisfied(), cmd.reopen(), cmd.resolve()),
].map((state) => ({ state, events: state.version }));

