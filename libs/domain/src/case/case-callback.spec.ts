import { ACTORS, cmd, inHandling, refusalOf, resolved, run } from './case-fixtures';
import { CASE_RULES } from './case-rules';
import type { CaseState } from './case-state';
import { callbackAttemptsExhausted, settleAfterCallback } from './decide-closing';

const dissatisfied = () => cmd.callback({ satisfaction: 'unsatisfied', comment: '井盖仍松动' });
const reopenAndResolve = (state: CaseState) => run(state, cmd.reopen(), cmd.resolve());

describe('回访 callback, 重办 reopen and 归档 close', () => {
  it('closes after a basically satisfied callback', () => {
    const state = run(resolved(), cmd.callback({ satisfaction: 'basically-satisfied' }), cmd.close({ actor: ACTORS.system }));
    expect(state).toMatchObject({ status: 'closed', closure: { reason: 'callback-completed' } });
    expect(state.callbacks).toEqual([expect.objectContaining({ reached: true, satisfaction: 'basically-satisfied' })]);
  });

  it('keeps the callback clock running while the citizen cannot be reached, and closes after three attempts', () => {
    let state = run(resolved(), cmd.callback({ reached: false }));
    expect(state.status).toBe('resolved');
    expect(state.clock?.window).toBe('callback');
    expect(refusalOf(state, cmd.close())?.code).toBe('CLOSE_NOT_ALLOWED');
    state = run(state, cmd.callback({ reached: false }), cmd.callback({ reached: false }));
    expect(run(state, cmd.close()).closure?.reason).toBe('callback-unreachable');
  });

  it('does not count unreached attempts of an earlier round after a reopen', () => {
    let state = run(resolved(), cmd.callback({ reached: false }), cmd.callback({ reached: false }), dissatisfied());
    state = run(reopenAndResolve(state), cmd.callback({ reached: false }));
    expect(refusalOf(state, cmd.close())?.code).toBe('CLOSE_NOT_ALLOWED');
  });

  it('reopens a dissatisfied case to the same unit with a fresh handling window', () => {
    const state = run(resolved(), dissatisfied(), cmd.reopen());
    expect(state).toMatchObject({ status: 'in-handling', reopenCount: 1, resolution: null, assignee: { unitId: 'binhe' }, clock: { window: 'community-handling' } });
  });

  it('reopens at most twice; the third dissatisfied callback goes to supervisor review (督查复核)', () => {
    let state = run(resolved(), dissatisfied());
    state = run(reopenAndResolve(state), dissatisfied());
    state = run(reopenAndResolve(state), dissatisfied());
    expect(state).toMatchObject({ status: 'under-review', reopenCount: CASE_RULES.maxReopens });
    const third = refusalOf(state, cmd.reopen());
    expect(third).toMatchObject({ code: 'REOPEN_LIMIT_REACHED', zh: expect.stringContaining('已重办 2 次') });
    expect(refusalOf(state, cmd.close())?.code).toBe('CLOSE_NEEDS_SUPERVISOR');
    expect(run(state, cmd.close({ actor: ACTORS.supervisor, note: '诉求已依法合理处置' })).closure?.reason).toBe('supervisor-decision');
  });

  it('lets only a supervisor close a dissatisfied case without reopening it', () => {
    const state = run(resolved(), dissatisfied());
    expect(refusalOf(state, cmd.close())?.code).toBe('CLOSE_NEEDS_SUPERVISOR');
    expect(run(state, cmd.close({ actor: ACTORS.supervisor })).closure?.reason).toBe('supervisor-decision');
  });

  it('refuses callbacks before resolution, without satisfaction, reopen without dissatisfaction', () => {
    expect(refusalOf(inHandling(), cmd.callback())?.code).toBe('INVALID_STATUS');
    expect(refusalOf(resolved(), cmd.callback({ satisfaction: undefined }))?.code).toBe('SATISFACTION_REQUIRED');
    expect(refusalOf(resolved(), cmd.callback({ actor: ACTORS.community }))?.code).toBe('ROLE_NOT_ALLOWED');
    expect(refusalOf(run(resolved(), cmd.callback()), cmd.reopen())?.code).toBe('REOPEN_NEEDS_DISSATISFACTION');
    expect(refusalOf(resolved(), cmd.reopen())?.code).toBe('INVALID_STATUS');
    expect(refusalOf(inHandling(), cmd.close())?.code).toBe('INVALID_STATUS');
  });

  describe('settleAfterCallback: what follows a recorded callback by itself', () => {
    const at = Date.UTC(2026, 11, 1, 2);
    const settle = (state: CaseState) => settleAfterCallback(state, ACTORS.system, at);

    it('waits for the next attempt until the unanswered attempts are exhausted, then closes as unreachable', () => {
      let state = resolved();
      for (let attempt = 1; attempt < CASE_RULES.callbackAttemptsBeforeUnreachable; attempt++) {
        state = run(state, cmd.callback({ reached: false }));
        expect(callbackAttemptsExhausted(state)).toBe(false);
        expect(settle(state)).toBeUndefined();
      }
      state = run(state, cmd.callback({ reached: false, comment: '关机' }));
      expect(callbackAttemptsExhausted(state)).toBe(true);
      const close = settle(state);
      expect(close).toMatchObject({ type: 'close', actor: ACTORS.system, at });
      expect(run(state, close!)).toMatchObject({ status: 'closed', closure: { reason: 'callback-unreachable' } });
    });

    it('closes after a satisfied citizen, reopens after a dissatisfied one while reopens remain, and leaves review to a supervisor', () => {
      expect(settle(run(resolved(), cmd.callback({ satisfaction: 'satisfied' })))).toMatchObject({ type: 'close' });
      expect(settle(run(resolved(), dissatisfied()))).toMatchObject({ type: 'reopen', reason: '井盖仍松动' });
      let state = run(resolved(), dissatisfied());
      state = run(reopenAndResolve(state), dissatisfied());
      state = run(reopenAndResolve(state), dissatisfied());
      expect(state.status).toBe('under-review');
      expect(settle(state)).toBeUndefined();
    });

    it('counts only the attempts since the latest resolution', () => {
      let state = run(resolved(), cmd.callback({ reached: false }), cmd.callback({ reached: false }), dissatisfied());
      state = run(reopenAndResolve(state), cmd.callback({ reached: false }));
      expect(callbackAttemptsExhausted(state)).toBe(false);
      expect(settle(state)).toBeUndefined();
    });
  });
});
