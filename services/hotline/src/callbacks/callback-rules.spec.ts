import { CallbackStatus, decideCallbackResult, MAX_CALLBACK_ATTEMPTS } from './callback-rules';

const at = new Date('2026-11-30T02:00:00Z');
const pending = (attemptCount = 0) => ({ status: 'pending' as CallbackStatus, attemptCount });

describe('decideCallbackResult', () => {
  it('records a reached citizen with their satisfaction and publishes it', () => {
    const decision = decideCallbackResult(pending(), { reached: true, satisfaction: 'basically-satisfied', resolved: true, comment: '路灯已修好' }, 'op-1', at);
    expect(decision).toEqual({
      ok: true,
      status: 'recorded',
      attempt: { at, operatorId: 'op-1', reached: true, comment: '路灯已修好' },
      outcome: { reached: true, satisfaction: 'basically-satisfied', resolved: true, comment: '路灯已修好', recordedAt: at, operatorId: 'op-1' },
    });
  });

  it('records a reached citizen after earlier unanswered attempts', () => {
    const decision = decideCallbackResult(pending(2), { reached: true, satisfaction: 'unsatisfied', resolved: false }, 'op-2', at);
    expect(decision).toMatchObject({ ok: true, status: 'recorded', outcome: { reached: true, satisfaction: 'unsatisfied', resolved: false } });
  });

  it('keeps the task pending without publishing while attempts remain', () => {
    for (let made = 0; made < MAX_CALLBACK_ATTEMPTS - 1; made++) {
      const decision = decideCallbackResult(pending(made), { reached: false, comment: '无人接听' }, 'op-1', at);
      expect(decision).toEqual({ ok: true, status: 'pending', attempt: { at, operatorId: 'op-1', reached: false, comment: '无人接听' } });
    }
  });

  it(`closes the task as unreachable on the ${MAX_CALLBACK_ATTEMPTS}rd unanswered call, and publishes that`, () => {
    const decision = decideCallbackResult(pending(MAX_CALLBACK_ATTEMPTS - 1), { reached: false, comment: '关机' }, 'op-3', at);
    expect(decision).toMatchObject({ ok: true, status: 'unreachable', outcome: { reached: false, recordedAt: at, operatorId: 'op-3' } });
    expect(decision.ok && decision.outcome?.comment).toMatch(/3 次回访未能联系.*关机$/);
    expect(decision.ok && decision.outcome?.satisfaction).toBeUndefined();
  });

  it('refuses anything more once the callback is final', () => {
    expect(decideCallbackResult({ status: 'recorded', attemptCount: 1 }, { reached: true, satisfaction: 'satisfied' }, 'op', at)).toMatchObject({
      ok: false,
      reason: { code: 'callback-already-recorded' },
    });
    expect(decideCallbackResult({ status: 'unreachable', attemptCount: 3 }, { reached: false }, 'op', at)).toMatchObject({
      ok: false,
      reason: { code: 'callback-closed-unreachable' },
    });
  });
});
