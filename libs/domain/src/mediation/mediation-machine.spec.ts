import fc from 'fast-check';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../calendar/china-time';
import { decideMediation, evolveMediation, executeMediation, isMediationEnded, type MediationCommand, type MediationState, mediationDeadline } from './mediation-machine';
import { drive, m, M_ACTORS, opened, T0 } from './mediation-fixtures';

const refusal = (state: MediationState, command: MediationCommand) => {
  const decision = decideMediation(state, command);
  if (decision.ok) throw new Error(`${command.type} was accepted`);
  return decision.reason;
};

describe('mediation state machine (调解状态机)', () => {
  it('opens awaiting a mediator at the community, with a 30-day limit running from the opening', () => {
    const state = opened();
    expect(state).toMatchObject({ stage: 'awaiting-mediator', level: 'community', limitRunning: true, reopenCount: 0 });
    expect(mediationDeadline(state)).toBe(T0 + 30 * DAY_MS);
  });

  it('walks the happy path: assign → session → agreement → every term kept → resolved at the community', () => {
    const t = T0 + HOUR_MS;
    let state = drive(opened(), m.assign(t), m.schedule(t + 1));
    expect(state.stage).toBe('mediating');
    state = drive(state, m.record(t + 2 * DAY_MS + 10 * MINUTE_MS), m.agree(t + 2 * DAY_MS + HOUR_MS));
    expect(state).toMatchObject({ stage: 'agreed', limitRunning: false });
    const first = executeMediation(state, m.followUp(t + 3 * DAY_MS, { termIndex: 1 }));
    expect(first.ok && first.events.map((e) => e.type)).toEqual(['TermFollowedUp']);
    state = drive(state, m.followUp(t + 3 * DAY_MS, { termIndex: 1 }));
    const last = executeMediation(state, m.followUp(t + 10 * DAY_MS, { termIndex: 0 }));
    expect(last.ok && last.events.map((e) => e.type)).toEqual(['TermFollowedUp', 'DisputeResolved']);
    state = drive(state, m.followUp(t + 10 * DAY_MS, { termIndex: 0 }));
    expect(state).toMatchObject({ stage: 'resolved', settledLevel: 'community', endedAt: t + 10 * DAY_MS });
    expect(refusal(state, m.schedule(t + 11 * DAY_MS, { sessionId: 's-9' }))).toMatchObject({ code: 'DISPUTE_ENDED' });
  });

  it('escalates a community failure to the street centre with a new limit, and ends a street failure with guidance', () => {
    const t = T0 + HOUR_MS;
    let state = drive(opened(), m.assign(t), m.schedule(t + 1));
    expect(refusal(state, m.fail(t + DAY_MS, { guidance: 'litigation' }))).toMatchObject({ code: 'GUIDANCE_ONLY_AT_STREET' });
    state = drive(state, m.fail(t + DAY_MS));
    expect(state).toMatchObject({ stage: 'awaiting-mediator', level: 'street', mediatorId: null, limitStartedAt: t + DAY_MS, limitRunning: true });
    expect(state.sessions[0].cancelled).toBe(true); // the community's planned session is off
    expect(state.failures).toEqual([{ level: 'community', next: 'street-centre', reason: '双方分歧过大', at: t + DAY_MS, trigger: 'mediator' }]);
    expect(refusal(state, m.assign(t + 2 * DAY_MS, { actor: M_ACTORS.street, mediatorId: 'med-9' }))).toMatchObject({ code: 'LEVEL_MISMATCH' });
    expect(refusal(state, m.assign(t + 2 * DAY_MS, { mediatorId: 'med-9', level: 'street' }))).toMatchObject({ code: 'ROLE_NOT_ALLOWED' }); // a community handler, at the street
    state = drive(state, m.assign(t + 2 * DAY_MS, { actor: M_ACTORS.street, mediatorId: 'med-9', committeeId: 'xinhua-centre', level: 'street' }));
    expect(refusal(state, m.fail(t + 3 * DAY_MS, { actor: M_ACTORS.streetMediator }))).toMatchObject({ code: 'GUIDANCE_REQUIRED' });
    state = drive(state, m.fail(t + 3 * DAY_MS, { actor: M_ACTORS.streetMediator, guidance: 'arbitration' }));
    expect(state).toMatchObject({ stage: 'failed', guidance: 'arbitration', endedAt: t + 3 * DAY_MS, limitRunning: false });
  });

  it('escalates by itself when the limit runs out at the community, and ends with guidance at the street', () => {
    const state = drive(opened(), m.assign(T0 + HOUR_MS));
    expect(refusal(state, m.breach(T0 + 30 * DAY_MS - 1))).toMatchObject({ code: 'LIMIT_NOT_REACHED' });
    expect(refusal(state, { ...m.breach(T0 + 30 * DAY_MS), actor: M_ACTORS.supervisor })).toMatchObject({ code: 'ROLE_NOT_ALLOWED' });
    const street = drive(state, m.breach(T0 + 30 * DAY_MS));
    expect(street).toMatchObject({ level: 'street', stage: 'awaiting-mediator', limitStartedAt: T0 + 30 * DAY_MS });
    expect(street.failures[0]).toMatchObject({ trigger: 'time-limit', next: 'street-centre' });
    expect(street.failures[0].reason).toContain('超过30日调解期限');
    const ended = drive(street, m.breach(T0 + 60 * DAY_MS));
    expect(ended).toMatchObject({ stage: 'failed', guidance: 'litigation' });
  });

  it('reopens on a broken term (only once due), with the broken agreement kept and a new limit', () => {
    const t = T0 + HOUR_MS;
    let state = drive(opened(), m.assign(t), m.agree(t + DAY_MS));
    expect(refusal(state, m.followUp(t + 2 * DAY_MS, { kept: false }))).toMatchObject({ code: 'TERM_NOT_YET_DUE' });
    expect(refusal(state, m.breach(t + 40 * DAY_MS))).toMatchObject({ code: 'LIMIT_NOT_RUNNING' }); // the limit stops under an agreement
    const reopenedAt = t + 9 * DAY_MS;
    state = drive(state, m.followUp(reopenedAt, { kept: false, note: '未按期赔偿' }));
    expect(state).toMatchObject({ stage: 'mediating', reopenCount: 1, agreement: null, limitStartedAt: reopenedAt, limitRunning: true });
    expect(state.brokenAgreements[0].terms[0]).toMatchObject({ kept: false, note: '未按期赔偿' });
    state = drive(state, m.agree(reopenedAt + DAY_MS, { agreementId: 'a-2', terms: [{ party: 'p-1', obligation: '分期赔偿', dueAt: reopenedAt + 5 * DAY_MS }] }));
    state = drive(state, m.followUp(reopenedAt + 2 * DAY_MS, { termIndex: 0 })); // fulfilled early
    expect(state).toMatchObject({ stage: 'resolved', reopenCount: 1 });
  });

  it('refuses what the stage, role or arguments do not allow, with bilingual reasons', () => {
    const t = T0 + HOUR_MS;
    const fresh = opened();
    expect(refusal(fresh, m.schedule(t))).toMatchObject({ code: 'NO_MEDIATOR', zh: '尚未指派调解员，不能安排调解。' });
    expect(refusal(fresh, m.assign(t, { actor: M_ACTORS.operator }))).toMatchObject({ code: 'ROLE_NOT_ALLOWED', zh: '话务员无权指派调解员。' });
    expect(refusal(fresh, m.assign(t, { mediatorId: ' ' }))).toMatchObject({ code: 'TEXT_REQUIRED' });
    const state = drive(fresh, m.assign(t), m.schedule(t + 1));
    expect(refusal(state, m.assign(t + 2, { mediatorId: 'med-1' }))).toMatchObject({ code: 'ALREADY_ASSIGNED' });
    expect(refusal(state, m.schedule(t + 2, { actor: M_ACTORS.otherMediator, sessionId: 's-2' }))).toMatchObject({ code: 'NOT_ASSIGNED_MEDIATOR' });
    expect(refusal(state, m.schedule(t + 2, { sessionId: 's-2', startsAt: t, endsAt: t + HOUR_MS }))).toMatchObject({ code: 'SESSION_IN_PAST' });
    expect(refusal(state, m.schedule(t + 2, { sessionId: 's-2', startsAt: t + DAY_MS, endsAt: t + DAY_MS }))).toMatchObject({ code: 'SESSION_ENDS_BEFORE_START' });
    expect(refusal(state, m.schedule(t + 2, { sessionId: 's-2', startsAt: t + 2 * DAY_MS + HOUR_MS, endsAt: t + 3 * DAY_MS }))).toMatchObject({ code: 'SESSION_OVERLAPS' });
    expect(refusal(state, m.schedule(t + 2, { sessionId: 's-1', startsAt: t + 5 * DAY_MS, endsAt: t + 5 * DAY_MS + HOUR_MS }))).toMatchObject({ code: 'SESSION_EXISTS' });
    expect(refusal(state, m.schedule(t + 2, { sessionId: 's-2', attendeeIds: [] }))).toMatchObject({ code: 'NO_ATTENDEES' });
    expect(refusal(state, m.record(t + 3))).toMatchObject({ code: 'SESSION_NOT_STARTED' });
    expect(refusal(state, m.record(t + 3 * DAY_MS, { sessionId: 's-404' }))).toMatchObject({ code: 'SESSION_UNKNOWN' });
    expect(refusal(state, m.record(t + 3 * DAY_MS, { minutesSummary: 'x'.repeat(4001) }))).toMatchObject({ code: 'TEXT_TOO_LONG' });
    expect(refusal(state, m.agree(t + 2, { terms: [] }))).toMatchObject({ code: 'NO_TERMS', en: 'An agreement needs at least one term.' });
    expect(refusal(state, m.agree(t + 2, { terms: [{ party: 'p-1', obligation: '道歉', dueAt: t }] }))).toMatchObject({ code: 'TERM_DUE_IN_PAST' });
    expect(refusal(state, m.followUp(t + 2))).toMatchObject({ code: 'NO_AGREEMENT' });
    const agreed = drive(state, m.agree(t + 2));
    expect(agreed.sessions[0].cancelled).toBe(true); // planned after the signing
    expect(refusal(agreed, m.followUp(t + 3, { termIndex: 5 }))).toMatchObject({ code: 'TERM_UNKNOWN' });
    expect(refusal(agreed, m.schedule(t + 3, { sessionId: 's-3' }))).toMatchObject({ code: 'INVALID_STAGE' });
    expect(refusal(drive(agreed, m.followUp(t + 3)), m.followUp(t + 4))).toMatchObject({ code: 'TERM_ALREADY_FOLLOWED_UP' });
    // a supervisor may always step in
    expect(decideMediation(state, m.fail(t + 3, { actor: M_ACTORS.supervisor })).ok).toBe(true);
  });

  it('lets a session under way be recorded after the agreement it produced', () => {
    const t = T0 + HOUR_MS;
    const state = drive(opened(), m.assign(t), m.schedule(t + 1));
    const session = state.sessions[0];
    const agreed = drive(state, m.agree(session.startsAt + HOUR_MS));
    expect(agreed.sessions[0].cancelled).toBe(false);
    expect(drive(agreed, m.record(session.startsAt + 2 * HOUR_MS)).sessions[0]).toMatchObject({ held: true, minutesSummary: '双方陈述意见，同意赔偿' });
  });

  // ----- laws over random command walks ------------------------------------------------------------------------

  const pool: Array<(at: number, i: number) => MediationCommand> = [
    (at) => m.assign(at),
    (at) => m.assign(at, { mediatorId: 'med-2' }),
    (at) => m.assign(at, { actor: M_ACTORS.street, mediatorId: 'med-9', committeeId: 'xinhua-centre', level: 'street' }),
    (at, i) => m.schedule(at, { sessionId: `s-${i}` }),
    (at, i) => m.schedule(at, { sessionId: `s-${i}`, actor: M_ACTORS.supervisor, startsAt: at + HOUR_MS, endsAt: at + 3 * HOUR_MS }),
    (at, i) => m.record(at, { sessionId: `s-${i - 1}` }),
    (at, i) => m.record(at, { sessionId: `s-${i - 2}`, actor: M_ACTORS.supervisor }),
    (at) => m.agree(at),
    (at) => m.agree(at, { actor: M_ACTORS.supervisor, terms: [{ party: 'p-2', obligation: '道歉', dueAt: at + DAY_MS }] }),
    (at) => m.fail(at, { actor: M_ACTORS.supervisor }),
    (at) => m.fail(at, { actor: M_ACTORS.supervisor, guidance: 'judicial-confirmation' }),
    (at) => m.followUp(at, { actor: M_ACTORS.supervisor }),
    (at) => m.followUp(at, { actor: M_ACTORS.supervisor, termIndex: 1 }),
    (at) => m.followUp(at, { actor: M_ACTORS.supervisor, kept: false }),
    (at) => m.breach(at),
  ];
  const walk = fc.array(fc.record({ pick: fc.nat(pool.length - 1), gap: fc.integer({ min: 1, max: 20 * DAY_MS }) }), { maxLength: 40 });

  it('keeps its invariants on any sequence of commands', () => {
    fc.assert(
      fc.property(walk, (steps) => {
        let state = opened();
        let at = T0;
        steps.forEach(({ pick, gap }, i) => {
          at += gap;
          const before = state;
          const result = executeMediation(state, pool[pick](at, i));
          if (!result.ok) {
            expect(result.reason.code).toMatch(/^[A-Z_]+$/);
            expect(result.reason.zh.length).toBeGreaterThan(0);
            expect(result.reason.en.length).toBeGreaterThan(0);
            return;
          }
          state = result.state;
          expect(isMediationEnded(before)).toBe(false); // nothing happens to an ended dispute
          expect(state.reopenCount).toBeGreaterThanOrEqual(before.reopenCount);
          if (before.level === 'street') expect(state.level).toBe('street'); // never back down the ladder
          expect(state.stage === 'agreed').toBe(state.agreement !== null && !isMediationEnded(state));
          expect(state.limitRunning).toBe(state.stage === 'awaiting-mediator' || state.stage === 'mediating');
          if (state.stage === 'resolved') expect(state.agreement!.terms.every((term) => term.kept === true)).toBe(true);
          if (state.stage === 'failed') expect(state.level === 'street' && state.guidance !== null).toBe(true);
          if (['mediating', 'agreed', 'resolved'].includes(state.stage)) expect(state.mediatorId).not.toBeNull();
          const open = state.sessions.filter((s) => !s.cancelled);
          for (const a of open) for (const b of open) if (a !== b) expect(a.startsAt < b.endsAt && b.startsAt < a.endsAt).toBe(false);
          expect(new Set(state.sessions.map((s) => s.sessionId)).size).toBe(state.sessions.length);
          expect(result.events.reduce(evolveMediation, before)).toEqual(state);
        });
      }),
      { numRuns: 300 },
    );
  });
});
