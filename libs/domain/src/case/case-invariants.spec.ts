import fc from 'fast-check';
import { HOUR_MS } from '../calendar/china-time';
import { isSlaClockPaused } from '../sla/sla-clock';
import { T0 } from './case-fixtures';
import { pick, startingPoints } from './case-walk-fixtures';
import type { CaseEvent } from './case-events';
import { caseClocks } from './case-queries';
import { openSummonses } from './case-clocks';
import { CASE_RULES } from './case-rules';
import type { CaseState } from './case-state';
import { evolve, replayCase } from './evolve';
import { decide } from './decide';

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
  const open = openSummonses(state);
  if (new Set(open.map((summons) => summons.departmentId)).size !== open.length) problems.push('two open summonses for one department');
  if (state.status === 'resolved' && open.length > 0) problems.push('resolved with open summonses');
  if (state.level === 'departments' && state.assignee?.level !== 'street') problems.push('departments summoned by a non-street holder');
  return problems;
}

const step = fc.record({ legal: fc.integer({ min: 0, max: 9 }).map((n) => n < 8), index: fc.nat(1000), gap: fc.integer({ min: 0, max: 30 * HOUR_MS }) });
const walks = fc.array(step, { minLength: 1, maxLength: 80, size: 'max' });

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
  'DepartmentSummonsReleased',
  'DepartmentSummonsWithdrawn',
  'DepartmentsSummoned',
  'DuplicateAttached',
  'ExtensionDecided',
  'ExtensionRequested',
  'SupervisionNoticeIssued',
  'SupervisorReviewRequired',
];
