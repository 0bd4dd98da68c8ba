import fc from 'fast-check';
import { HOUR_MS, MINUTE_MS } from '../calendar/china-time';
import { ACTORS, T0, cmd, run } from './case-fixtures';
import type { CaseCommand } from './case-commands';
import { callbacksSinceResolution } from './decide-closing';
import type { CaseState } from './case-state';
import { decide } from './decide';
import { evolve } from './evolve';
import { pick, startingPoints } from './case-walk-fixtures';

/**
 * No state of the ladder is a dead end: from every state a random walk reaches — with the departments' and the
 * community's timers running out on the way — some sequence of commands the machine permits closes the case
 * (归档). The closing sequence never needs a summoned department: a silent one is withdrawn (撤回) or, after its
 * breach and 督办, released (解除). It never needs a timer either, and never a merge.
 */

/** What the people who keep a case moving may send: the holding units, the street, the hotline, the dispatcher, supervisors. */
const closers: Array<(at: number) => CaseCommand> = [
  (at) => cmd.register({ at }),
  (at) => cmd.classify({ at }),
  (at) => cmd.dispatch({ at }),
  (at) => cmd.redispatch({ at, route: { streetId: 'xinhua', communityId: 'binhe' } }),
  (at) => cmd.accept({ at }),
  (at) => cmd.accept({ at, actor: ACTORS.street }),
  (at) => cmd.resolve({ at }),
  (at) => cmd.resolve({ at, actor: ACTORS.street }),
  (at) => cmd.resume({ at, actor: ACTORS.supervisor }),
  (at) => cmd.decideRefusal({ at, actor: ACTORS.supervisor }),
  (at) => cmd.decideRefusal({ at, actor: ACTORS.supervisor, departmentId: 'hbw-um' }),
  (at) => cmd.withdrawSummons({ at }),
  (at) => cmd.withdrawSummons({ at, departmentId: 'hbw-um' }),
  (at) => cmd.releaseSummons({ at }),
  (at) => cmd.releaseSummons({ at, departmentId: 'hbw-um' }),
  (at) => cmd.callback({ at }),
  (at) => cmd.callback({ at, reached: false }),
  (at) => cmd.close({ at }),
  (at) => cmd.close({ at, actor: ACTORS.supervisor }),
];

/** The parts of a case that decide what may happen next (times left out, so equal situations are visited once). */
function situation(state: CaseState): string {
  return JSON.stringify([
    state.status, state.level, state.assignee?.unitId, state.route, state.pendingExtension !== null, state.reopenCount,
    state.summonses.map((summons) => [summons.departmentId, summons.status, (summons.breaches ?? []).length > 0]),
    callbacksSinceResolution(state).map((callback) => [callback.reached, callback.satisfaction]),
  ]);
}

/** The shortest sequence of permitted closers' commands that closes the case (breadth first), or undefined. */
function closingSequence(start: CaseState, commands = closers, maxDepth = 12): CaseCommand[] | undefined {
  const seen = new Set([situation(start)]);
  let frontier: Array<{ state: CaseState; path: CaseCommand[] }> = [{ state: start, path: [] }];
  for (let depth = 0; depth < maxDepth && frontier.length > 0; depth++) {
    const next: typeof frontier = [];
    for (const { state, path } of frontier) {
      const at = (state.lastEventAt ?? T0) + MINUTE_MS;
      for (const build of commands) {
        const command = build(at);
        const decision = decide(state, command);
        if (!decision.ok) continue;
        const after = decision.events.reduce(evolve, state);
        if (after.status === 'closed') return [...path, command];
        const key = situation(after);
        if (seen.has(key)) continue;
        seen.add(key);
        next.push({ state: after, path: [...path, command] });
      }
    }
    frontier = next;
  }
  return undefined;
}

const step = fc.record({ legal: fc.integer({ min: 0, max: 9 }).map((n) => n < 9), index: fc.nat(1000), gap: fc.integer({ min: 0, max: 30 * HOUR_MS }) });

describe('case state machine: no dead ends', () => {
  it('closes a case whose summoned department stays silent past its window and 督办 (the ladder’s old dead end), by a supervisor’s release', () => {
    const summoned = startingPoints[3].state; // at the street, two departments summoned
    const silent = run(summoned, cmd.reportIn(), cmd.answer(), cmd.breachNotice()); // one answers, one lets its window run out
    const withoutWithdrawal = closers.filter((build) => build(T0).type !== 'withdrawSummons');
    expect(closingSequence(silent, withoutWithdrawal)?.map((command) => command.type)).toEqual(['releaseSummons', 'resolve', 'recordCallback', 'close']);
    expect(closingSequence(summoned, withoutWithdrawal.filter((build) => build(T0).type !== 'releaseSummons'))).toBeUndefined(); // before 解除 existed
  });

  it('from every state a random walk reaches (timers included), some permitted sequence without the departments closes the case', () => {
    fc.assert(
      fc.property(fc.nat(startingPoints.length - 1), fc.array(step, { minLength: 1, maxLength: 40 }), (start, steps) => {
        let state = startingPoints[start].state;
        let at = state.lastEventAt ?? T0;
        for (const choice of steps) {
          if (state.status === 'closed' || state.status === 'merged') return; // ended (a merged case lives on in its master)
          const path = closingSequence(state);
          if (!path) throw new Error(`dead end: ${situation(state)}`);
          at += choice.gap;
          const decision = decide(state, pick(state, at, choice));
          if (decision.ok) state = decision.events.reduce(evolve, state);
        }
      }),
      { numRuns: 100 },
    );
  });
});
