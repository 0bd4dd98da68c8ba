import { findOverlap } from '@civicflow/domain';
import { sessionTimeErrors } from './session';

const at = (hhmm: string) => `2026-12-01T${hhmm}:00.000Z`;

describe('session times', () => {
  const now = new Date('2026-11-30T08:00:00.000Z');

  it('refuses a session in the past, one ending before it starts, and one longer than a day’s work (field errors)', () => {
    expect(sessionTimeErrors('2026-11-30T07:59:00.000Z', '2026-11-30T09:00:00.000Z', now).map((e) => e.field)).toEqual(['startsAt']);
    expect(sessionTimeErrors(at('09:00'), at('09:00'), now).map((e) => e.field)).toEqual(['endsAt']);
    expect(sessionTimeErrors(at('09:00'), at('22:00'), now).map((e) => e.field)).toEqual(['endsAt']);
    expect(sessionTimeErrors(at('09:00'), at('10:30'), now)).toEqual([]);
    expect(sessionTimeErrors('2026-11-30T07:00:00.000Z', '2026-11-30T09:00:00.000Z', now)[0].reason).toMatch(/^调解开始时间.*须晚于当前时间/);
  });

  it('finds the overlapping session of the mediator’s diary (the domain rule); touching ends do not overlap', () => {
    const diary = [{ sessionId: 'a', startsAt: at('09:00'), endsAt: at('10:00') }, { sessionId: 'b', startsAt: at('14:00'), endsAt: at('15:00') }];
    expect(findOverlap(diary, { sessionId: 'n', startsAt: at('09:30'), endsAt: at('11:00') })?.sessionId).toBe('a');
    expect(findOverlap(diary, { sessionId: 'n', startsAt: at('10:00'), endsAt: at('14:00') })).toBeUndefined();
  });
});
