import { pauseSlaClock, resumeSlaClock, startSlaClock } from '../sla/sla-clock';
import type { SlaWindowName } from '../vocabulary/sla-windows';
import { isSummonsOpen } from '../vocabulary/case-words';
import type { CaseClock, CaseState, ClockStart, DepartmentSummons, HandlingLevel } from './case-state';

/**
 * The handling window of a rung. A dispute runs on the mediation window (调解) at both rungs: the community's
 * people's mediation committee, then the street's mediation centre (小事不出社区，大事不出街道).
 */
export function handlingWindowFor(state: CaseState, level: HandlingLevel): SlaWindowName {
  if (state.classification?.isDispute) return 'mediation';
  return level === 'community' ? 'community-handling' : 'street-handling';
}

/** The window as the case's stored SLA snapshot defines it. Only called once the case is classified. */
export function clockStart(state: CaseState, window: SlaWindowName): ClockStart {
  const windows = state.classification?.slaWindows.windows;
  if (!windows) throw new Error(`Case ${state.caseId} has no SLA windows: it must be classified before a clock starts`);
  return { window, duration: windows[window] };
}

export function startCaseClock(start: ClockStart, at: number): CaseClock {
  return { window: start.window, clock: startSlaClock(at, start.duration) };
}

/** Suspension stops every running clock of the case: its own and each department's. */
export function pauseAllClocks(state: CaseState, at: number): Pick<CaseState, 'clock' | 'summonses'> {
  const pause = (clock: CaseClock | null) => (clock ? { ...clock, clock: pauseSlaClock(clock.clock, at) } : null);
  return { clock: pause(state.clock), summonses: state.summonses.map((summons) => ({ ...summons, clock: pause(summons.clock) })) };
}

export function resumeAllClocks(state: CaseState, at: number): Pick<CaseState, 'clock' | 'summonses'> {
  const resume = (clock: CaseClock | null) => (clock ? { ...clock, clock: resumeSlaClock(clock.clock, at) } : null);
  return { clock: resume(state.clock), summonses: state.summonses.map((summons) => ({ ...summons, clock: resume(summons.clock) })) };
}

/** Summonses still owing something: not answered, released or withdrawn. */
export function openSummonses(state: CaseState): DepartmentSummons[] {
  return state.summonses.filter((summons) => isSummonsOpen(summons.status));
}
