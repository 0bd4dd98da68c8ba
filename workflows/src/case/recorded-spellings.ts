// What earlier workers recorded, read in today's spelling. Until the vocabulary was unified the domain wrote
// some words in camelCase (communityHandling, onTrack, gridWorker, dissatisfied …); recorded histories hold
// them in local-activity results (clock readings, resolved SLA windows) and in signals between workflows,
// and a run carried over by continue-as-new holds them in its state. Replay feeds those values back to the
// workflow, so everything that enters it from the history passes through here. Pure: workflow code.
import {
  type Actor,
  type CaseState,
  readActorRole,
  readChannel,
  readClosureReason,
  readSatisfaction,
  readSlaStatus,
  readSlaWindow,
  readSummonsStatus,
  type SlaWindowName,
  type SlaWindows,
} from '@civicflow/domain';
import type { ClockReadingResult } from '../sla/clock-readings';
import type { ResolvedSla } from './case.activities';
import type { CaseRunState } from './case-run-state';

/** A word of the vocabulary as recorded: today's spelling when it was written the old way, else as it was. */
const word = <W extends string>(read: (value: unknown) => W | undefined, value: string): W => read(value) ?? (value as W);

export function readRecordedWindow(window: string): SlaWindowName {
  return word(readSlaWindow, window);
}

/** A clock's identity, `window@start`. */
export function readRecordedIdentity(identity: string): string {
  const at = identity.lastIndexOf('@');
  return at < 0 ? identity : `${readRecordedWindow(identity.slice(0, at))}${identity.slice(at)}`;
}

export function readRecordedReadings(readings: readonly ClockReadingResult[]): ClockReadingResult[] {
  return readings.map((reading) => ({
    ...reading,
    window: readRecordedWindow(reading.window),
    ...(reading.error ? {} : { status: word(readSlaStatus, reading.status) }),
  }));
}

function readWindowTable<T>(table: Readonly<Record<string, T>>): Record<SlaWindowName, T> {
  return Object.fromEntries(Object.entries(table).map(([window, value]) => [readRecordedWindow(window), value])) as Record<SlaWindowName, T>;
}

function readSlaWindows(windows: SlaWindows): SlaWindows {
  return { ...windows, windows: readWindowTable(windows.windows) };
}

export function readRecordedSla(resolved: ResolvedSla): ResolvedSla {
  return { ...resolved, windows: readSlaWindows(resolved.windows) };
}

function readActor(actor: Actor): Actor {
  return { ...actor, role: word(readActorRole, actor.role) };
}

function readCaseState(state: CaseState): CaseState {
  const clock = <C extends { window: string } | null>(c: C): C => (c ? { ...c, window: readRecordedWindow(c.window) } : c);
  return {
    ...state,
    intake: state.intake ? { ...state.intake, channel: word(readChannel, state.intake.channel), registeredBy: readActor(state.intake.registeredBy) } : null,
    classification: state.classification ? { ...state.classification, slaWindows: readSlaWindows(state.classification.slaWindows) } : null,
    clock: clock(state.clock),
    summonses: state.summonses.map((summons) => ({
      ...summons,
      status: word(readSummonsStatus, summons.status),
      clock: clock(summons.clock),
      ...(summons.refusal ? { refusal: { ...summons.refusal, from: summons.refusal.from === 'summoned' ? 'summoned' : 'reported-in' } } : {}),
    })),
    pendingExtension: state.pendingExtension ? { ...state.pendingExtension, by: readActor(state.pendingExtension.by) } : null,
    supervisionNotices: state.supervisionNotices.map((notice) => ({ ...notice, by: readActor(notice.by) })),
    returns: state.returns.map((entry) => ({ ...entry, by: readActor(entry.by) })),
    resolution: state.resolution ? { ...state.resolution, by: readActor(state.resolution.by) } : null,
    callbacks: state.callbacks.map((callback) => ({
      ...callback,
      by: readActor(callback.by),
      ...(callback.satisfaction ? { satisfaction: word(readSatisfaction, callback.satisfaction) } : {}),
    })),
    closure: state.closure ? { ...state.closure, by: readActor(state.closure.by), reason: word(readClosureReason, state.closure.reason) } : null,
    status: LEGACY_STATUSES[state.status] ?? state.status,
  };
}

const LEGACY_STATUSES: Readonly<Record<string, CaseState['status']>> = { inHandling: 'in-handling', calledBack: 'called-back', underReview: 'under-review' };

/** The state a previous run carried over (continue-as-new), in today's spelling. */
export function readCarriedRunState(run: CaseRunState): CaseRunState {
  return {
    ...run,
    state: readCaseState(run.state),
    book: {
      ...run.book,
      readings: Object.fromEntries(Object.entries(run.book.readings).map(([key, reading]) => [key, readRecordedReadings([reading])[0]])),
      marks: Object.fromEntries(Object.entries(run.book.marks).map(([key, mark]) => [key, { ...mark, identity: readRecordedIdentity(mark.identity) }])),
    },
    children: Object.fromEntries(
      Object.entries(run.children).map(([id, child]) => [
        id,
        {
          ...child,
          sent: {
            status: child.sent.status === 'withdrawn' ? 'withdrawn' : word(readSummonsStatus, child.sent.status),
            clock: child.sent.clock ? { ...child.sent.clock, window: readRecordedWindow(child.sent.clock.window), identity: readRecordedIdentity(child.sent.clock.identity) } : null,
          },
        },
      ]),
    ),
    masterNotices: run.masterNotices.map((notice) => ({ ...notice, actor: { ...notice.actor, role: word(readActorRole, notice.actor.role) } })),
  };
}
