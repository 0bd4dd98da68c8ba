import { findContract } from '@civicflow/contracts';
import { chinaTime, DAY_MS, evolveMediation, executeMediation, openMediation } from '@civicflow/domain';
import { InvalidMediationArgument, mediationView, partyRefsOf, toMediationCommand, toWire, withPartyRefs } from './mediation-helpers';

const NOW = chinaTime('2099-03-02', '10:00');
const actor = { userId: 'med-1', role: 'mediator', unitId: 'binhe' };

describe('mediation workflow helpers', () => {
  it('translates Update arguments into domain commands at the workflow’s time, in the one spelling', () => {
    const translation = toMediationCommand('scheduleSession', { actor, sessionId: 's-1', startsAt: '2099-03-03T02:00:00Z', endsAt: '2099-03-03T04:00:00Z', place: '调解室', attendeeIds: ['p-1'] }, NOW);
    expect(translation).toEqual({
      ok: true,
      command: { type: 'scheduleSession', actor: { userId: 'med-1', role: 'mediator', unitId: 'binhe' }, at: NOW, sessionId: 's-1', startsAt: Date.parse('2099-03-03T02:00:00Z'), endsAt: Date.parse('2099-03-03T04:00:00Z'), place: '调解室', attendeeIds: ['p-1'], consultation: false },
    });
    expect(toMediationCommand('assignMediator', { actor: { ...actor, role: 'street-coordinator' }, mediatorId: 'm', committeeId: 'c', level: 'street' }, NOW)).toMatchObject({ ok: true, command: { actor: { role: 'street-coordinator' } } });
    // the mediation service assigns by workload as 'system'
    const bySystem = toMediationCommand('assignMediator', { actor: { userId: 'mediation-service', role: 'system', unitId: 'system' }, mediatorId: 'm', committeeId: 'c', level: 'community' }, NOW);
    expect(bySystem.ok && executeMediation(openMediation({ disputeId: 'd', disputeType: 'other', openedAt: NOW }), bySystem.command).ok).toBe(true);
    expect(toMediationCommand('followUpTerm', { actor: { ...actor, role: 'janitor' }, termIndex: 0, kept: true }, NOW)).toMatchObject({ ok: false, rejection: { code: 'ROLE_NOT_ALLOWED' } });
    // a role that never mediates is the domain's to refuse
    const byAdmin = toMediationCommand('assignMediator', { actor: { ...actor, role: 'admin' }, mediatorId: 'm', committeeId: 'c', level: 'community' }, NOW);
    expect(byAdmin.ok && executeMediation(openMediation({ disputeId: 'd', disputeType: 'other', openedAt: NOW }), byAdmin.command)).toMatchObject({ ok: false, reason: { code: 'ROLE_NOT_ALLOWED' } });
  });

  it('throws InvalidMediationArgument naming the field for malformed arguments', () => {
    const field = (name: Parameters<typeof toMediationCommand>[0], args: unknown) => {
      try {
        toMediationCommand(name, args, NOW);
      } catch (error) {
        if (error instanceof InvalidMediationArgument) return error.field;
        throw error;
      }
      return 'accepted';
    };
    expect(field('recordSession', null)).toBe('(argument)');
    expect(field('recordSession', { sessionId: 's' })).toBe('actor');
    expect(field('assignMediator', { actor, mediatorId: 'm', committeeId: 'c', level: 'city' })).toBe('level');
    expect(field('reachAgreement', { actor, agreementId: 'a', terms: 'none' })).toBe('terms');
    expect(field('reachAgreement', { actor, agreementId: 'a', terms: [{ party: 'p', obligation: 'o' }] })).toBe('dueAt');
    expect(field('recordFailure', { actor, reason: 'r', guidance: 'prayer' })).toBe('guidance');
    expect(field('followUpTerm', { actor, termIndex: '0', kept: true })).toBe('termIndex');
  });

  it('maps every domain event to a wire event its contract accepts', () => {
    let state = openMediation({ disputeId: 'd-1', disputeType: 'neighbour', openedAt: NOW });
    const commands = [
      toMediationCommand('assignMediator', { actor, mediatorId: 'med-1', committeeId: 'c-1', level: 'community' }, NOW + 1),
      toMediationCommand('scheduleSession', { actor, sessionId: 's-1', startsAt: new Date(NOW + DAY_MS).toISOString(), endsAt: new Date(NOW + DAY_MS + 3_600_000).toISOString(), place: '调解室', attendeeIds: ['p-1'] }, NOW + 2),
      toMediationCommand('recordSession', { actor, sessionId: 's-1', minutesSummary: '记录' }, NOW + DAY_MS + 60_000),
      toMediationCommand('reachAgreement', { actor, agreementId: 'a-1', terms: [{ party: 'p-1', obligation: '赔偿', dueAt: new Date(NOW + 3 * DAY_MS).toISOString() }] }, NOW + DAY_MS + 120_000),
      toMediationCommand('followUpTerm', { actor, termIndex: 0, kept: false }, NOW + 4 * DAY_MS),
      toMediationCommand('recordFailure', { actor, reason: '不成' }, NOW + 5 * DAY_MS),
    ];
    const types: string[] = [];
    for (const translation of commands) {
      if (!translation.ok) throw new Error(translation.rejection.en);
      const result = executeMediation(state, translation.command);
      if (!result.ok) throw new Error(result.reason.en);
      let after = state;
      for (const event of result.events) {
        after = evolveMediation(after, event);
        const wire = toWire(event, after);
        const data = { disputeId: 'd-1', caseNumber: '20990302-000001', occurredAt: new Date(event.at).toISOString(), sequence: types.length + 2, ...wire.data };
        expect(findContract(wire.type, 1)?.schema.safeParse(data).error).toBeUndefined();
        types.push(wire.type);
      }
      state = result.state;
    }
    expect(types).toEqual([
      'mediation.mediator-assigned',
      'mediation.session-scheduled',
      'mediation.session-held',
      'mediation.agreement-reached',
      'mediation.agreement-followed-up',
      'mediation.dispute-reopened',
      'mediation.mediation-failed',
    ]);
    const view = mediationView({ disputeId: 'd-1', disputeType: 'neighbour', communityId: 'binhe', streetId: 'xinhua', openedAt: '', correlationId: 'x' }, state, { sequence: 8, publishedSequence: 8, reminded: [], originalCase: null });
    expect(view).toMatchObject({ stage: 'awaiting-mediator', level: 'street', reopenCount: 1, caseNumber: null, sessions: [{ sessionId: 's-1', held: true, cancelled: false }] });
  });
});

describe('party refs from the Update arguments', () => {
  const actor = { userId: 'chen', role: 'mediator', unitId: 'bf-d01-s01-c01' };

  it('carries a session\'s and an agreement\'s party refs into their events, and nothing when the Update has none', () => {
    const schedule = partyRefsOf('scheduleSession', { actor, partyRefs: ['party:p-1', 'party:p-2', 'party:p-1'] });
    expect(schedule).toEqual({ partyRefs: ['party:p-1', 'party:p-2'] });
    expect(withPartyRefs('mediation.session-reminder', { sessionId: 's1' }, schedule)).toEqual({ sessionId: 's1', partyRefs: ['party:p-1', 'party:p-2'] });
    expect(withPartyRefs('mediation.session-scheduled', { sessionId: 's1' }, partyRefsOf('scheduleSession', { actor }))).toEqual({ sessionId: 's1' });
    expect(withPartyRefs('mediation.session-held', { sessionId: 's1' }, schedule)).toEqual({ sessionId: 's1' });

    const agree = partyRefsOf('reachAgreement', {
      actor, agreementId: 'a1', partyRefs: ['party:p-1', 'party:p-2'],
      terms: [{ party: '张三', obligation: 'x', dueAt: '2026-03-20T00:00:00Z', partyRef: 'party:p-1' }, { party: '李四', obligation: 'y', dueAt: '2026-03-21T00:00:00Z' }],
    });
    const data = { agreementId: 'a1', terms: [{ party: '张三', obligation: 'x', dueAt: '2026-03-20T00:00:00.000Z' }, { party: '李四', obligation: 'y', dueAt: '2026-03-21T00:00:00.000Z' }] };
    expect(withPartyRefs('mediation.agreement-reached', data, agree)).toEqual({
      agreementId: 'a1', partyRefs: ['party:p-1', 'party:p-2'],
      terms: [{ ...data.terms[0], partyRef: 'party:p-1' }, data.terms[1]],
    });
  });

  it('refuses malformed refs as an invalid argument', () => {
    expect(() => partyRefsOf('scheduleSession', { actor, partyRefs: 'party:p-1' })).toThrow(InvalidMediationArgument);
    expect(() => partyRefsOf('reachAgreement', { actor, terms: [{ partyRef: 7 }] })).toThrow(InvalidMediationArgument);
  });
});
