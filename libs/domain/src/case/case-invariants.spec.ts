import fc from 'fast-check';
import { HOUR_MS } from '../calendar/china-time';
import { isSlaClockPaused } from '../sla/sla-clock';
import { ACTORS, T0, atStreet, cmd, fresh, inHandling, resolved, run } from './case-fixtures';
import type { CaseCommand } from './case-commands';
import type { CaseEvent } from './case-events';
import { caseClocks } from './case-queries';
import { CASE_RULES } from './case-rules';
import type { CaseState } from './case-state';
import { evolve, replayCase } from './evolve';
import { decide } from './decide';

/** A pool of commands from every role; random sequences of them explore legal and illegal paths alike. */
const pool: Array<(at: number) => CaseCommand> = [
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

function invariantViolations(state: CaseState, eventCount: number): string[] {
  const problems: string[] = [];
  const clocks = caseClocks(state);
  if (state.version !== eventCount) problems.push('version ≠ number of events');
  if ((state.status === 'suspended') !== (state.suspension.current !== null)) problems.push('suspended ⇔ current suspension');
  if (state.status === 'suspended' && !clocks.every((entry) => isSlaClockPaused(entry.clock))) problems.push('a clock runs while suspended');
  if (state.status !== 'suspended' && clocks.some((entry) => isSlaClockPaused(entry.clock))) problems.push('a clock is paused while not suspended');
  if ((state.status === 'in-handling' || state.status === 'suspended') && (!state.assignee || !state.clock)) problems.push('handling without assignee or clock');
  if (state.status === 'dispatched' && state.clock?.window !== 'acceptance') problems.push('dispatched without acceptance clock');
  if (state.reopenCount > CASE_RULES.maxReopens) problems.push('too many reopens');
  if ((state.status === 'closed') !== (state.closure !== null)) problems.push('closed ⇔ closure');
  if ((state.status === 'closed' || state.status === 'merged') && clocks.length > 0) problems.push('finished case with a clock');
  const open = state.summonses.filter((summons) => summons.status !== 'answered' && summons.status !== 'released');
  if (new Set(open.map((summons) => summons.departmentId)).size !== open.length) problems.push('two open summonses for one department');
  if (state.status === 'resolved' && open.length > 0) problems.push('resolved with open summonses');
  if (state.level === 'departments' && state.assignee?.level !== 'street') problems.push('departments summoned by a non-street holder');
  return problems;
}

/**
 * Picks the next command: usually one the machine would accept right now (so walks go deep: escalation,
 * departments, suspension, reopen), sometimes any command of the pool (so refusals are exercised too).
 */
function pick(state: CaseState, at: number, choice: { legal: boolean; index: number }): CaseCommand {
  const candidates = pool.map((build) => build(at));
  // Merging is legal almost everywhere and ends the case, so it is offered rarely or few walks would go deep.
  const legal = candidates.filter((command) => decide(state, command).ok && (command.type !== 'merge' || choice.index % 10 === 0));
  const from = choice.legal && legal.length > 0 ? legal : candidates;
  return from[choice.index % from.length];
}

const step = fc.record({ legal: fc.integer({ min: 0, max: 9 }).map((n) => n < 8), index: fc.nat(1000), gap: fc.integer({ min: 0, max: 30 * HOUR_MS }) });
const walks = fc.array(step, { minLength: 1, maxLength: 80, size: 'max' });

/** Walks start from a fresh case or from deep states, so rare corners (the reopen limit) are reached too. */
const dissatisfied = () => cmd.callback({ satisfaction: 'unsatisfied' });
const startingPoints: Array<{ state: CaseState; events: number }> = [
  fresh(),
  run(fresh(), cmd.register({ requestType: 'inquiry' })),
  inHandling(),
  run(atStreet(), cmd.summon()),
  run(resolved(), dissatisfied(), cmd.reopen(), cmd.resolve(), dissatisfied(), cmd.reopen(), cmd.resolve()),
].map((state) => ({ state, events: state.version }));

/** Runs random walks, checking every law on the way; returns the event types the walks produced. */
function exploreWalks(parameters: fc.Parameters<[number, Array<{ legal: boolean; index: number; gap: number }>]>): Set<string> {
  const seen = new Set<string>();
  fc.assert(
    fc.property(fc.nat(startingPoints.length - 1), walks, (start, steps) => {
      const initial = startingPoints[start].state;
      let state = initial;
      let at = state.lastEventAt ?? T0;
      const log: CaseEvent[] = [];
      for (const choice of steps) {
        at += choice.gap;
        const before = JSON.stringify(state);
        const decision = decide(state, pick(state, at, choice));
        if (!decision.ok) {
          expect(decision.reason.code && decision.reason.zh && decision.reason.en).toBeTruthy();
          expect(JSON.stringify(state)).toBe(before);
          continue;
        }
        for (const event of decision.events) state = evolve(state, event);
        log.push(...decision.events);
        decision.events.forEach((event) => seen.add(event.type));
        expect(invariantViolations(state, startingPoints[start].events + log.length)).toEqual([]);
      }
      expect(replayCase(initial, log)).toEqual(state);
    }),
    parameters,
  );
  return seen;
}

describe('case state machine: invariants over random command sequences', () => {
  it('never throws, keeps its invariants, leaves state untouched on refusal, and replays to the same state', () => {
    exploreWalks({ numRuns: 100 });
  });

  it('reaches every kind of event (fixed seed), so the invariants are exercised deep in the lifecycle', () => {
    expect([...exploreWalks({ numRuns: 100, seed: 20251009 })].sort()).toEqual(ALL_EVENT_TYPES);
  });
});

const ALL_EVENT_TYPES = [
  'CallbackRecorded',
  'CaseAccepted',
  'CaseAnsweredDirectly',
  'CaseClassified',
  'CaseClosed',
  'CaseDispatched',
  'CaseEscalated',
  'CaseMerged',
  'CaseRegistered',
  'CaseReopened',
  'CaseResolved',
  'CaseResumed',
  'CaseReturned',
  'CaseSuspended',
  'DepartmentAnswered',
  'DepartmentRefusalAccepted',
  'DepartmentRefusalOverruled',
  'DepartmentRefused',
  'DepartmentReportedIn',
  'DepartmentsSummoned',
  'DuplicateAttached',
  'ExtensionDecided',
  'ExtensionRequested',
  'SupervisionNoticeIssued',
  'SupervisorReviewRequired',
];
