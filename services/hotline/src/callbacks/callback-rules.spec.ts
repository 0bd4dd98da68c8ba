import { CallbackStatus, decideCallbackResult, unreachableOutcome } from './callback-rules';

const at = new Date('2026-11-30T02:00:00Z');
const pending = { status: 'pending' as CallbackStatus };

describe('decideCallbackResult', () => {
  it('records a reached citizen with their satisfaction as the attempt and the final outcome', () => {
    const decision = decideCallbackResult(pending, { reached: true, satisfaction: 'basically-satisfied', resolved: true, comment: '路灯已修好' }, 'op-1', at);
    expect(decision).toEqual({
      ok: true,
      status: 'recorded',
      attempt: { at, operatorId: 'op-1', reached: true, satisfaction: 'basically-satisfied', resolved: true, comment: '路灯已修好' },
      outcome: { reached: true, satisfaction: 'basically-satisfied', resolved: true, comment: '路灯已修好', recordedAt: at, operatorId: 'op-1' },
    });
  });

  it('keeps every unanswered call as an attempt and the task pending: how many are too many is the case’s rule', () => {
    for (let made = 0; made < 6; made++) {
      const decision = decideCallbackResult(pending, { reached: false, comment: '无人接听' }, 'op-1', at);
      expect(decision).toEqual({ ok: true, status: 'pending', attempt: { at, operatorId: 'op-1', reached: false, comment: '无人接听' } });
    }
  });

  it('refuses anything more once the callback is final', () => {
    expect(decideCallbackResult({ status: 'recorded' }, { reached: true, satisfaction: 'satisfied' }, 'op', at)).toMatchObject({
      ok: false,
      reason: { code: 'callback-already-recorded' },
    });
    expect(decideCallbackResult({ status: 'unreachable' }, { reached: false }, 'op', at)).toMatchObject({
      ok: false,
      reason: { code: 'callback-closed-unreachable' },
    });
  });
});

describe('unreachableOutcome', () => {
  it('says how many attempts went unanswered, with the case’s note, by the last caller', () => {
    const attempts = [1, 2, 3].map((n) => ({ at, operatorId: `op-${n}`, reached: false }));
    expect(unreachableOutcome(attempts, at, '3 次回访未接通 unreachable')).toEqual({
      reached: false,
      comment: '3 次回访未能联系到市民 citizen not reached after 3 attempts: 3 次回访未接通 unreachable',
      recordedAt: at,
      operatorId: 'op-3',
    });
  });
});
