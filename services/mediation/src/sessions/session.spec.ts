import { checkSessionTimes, findOverlap } from './session';

const at = (hhmm: string) => Date.parse(`2026-12-01T${hhmm}:00.000Z`);

describe('session times', () => {
  const now = new Date('2026-11-30T08:00:00.000Z');

  it('refuses a session in the past, one ending before it starts, and one longer than a day’s work', () => {
    expect(checkSessionTimes('2026-11-30T07:59:00.000Z', '2026-11-30T09:00:00.000Z', now).map((e) => e.field)).toEqual(['startsAt']);
    expect(checkSessionTimes('2026-12-01T09:00:00.000Z', '2026-12-01T09:00:00.000Z', now).map((e) => e.field)).toEqual(['endsAt']);
    expect(checkSessionTimes('2026-12-01T09:00:00.000Z', '2026-12-01T22:00:00.000Z', now).map((e) => e.field)).toEqual(['endsAt']);
    expect(checkSessionTimes('2026-12-01T09:00:00.000Z', '2026-12-01T10:30:00.000Z', now)).toEqual([]);
    expect(checkSessionTimes('2026-11-30T07:00:00.000Z', '2026-11-30T09:00:00.000Z', now)[0].reason).toMatch(/^调解时间不能早于当前时间/);
  });

  it('finds the overlapping session of the mediator’s diary; touching ends do not overlap', () => {
    const diary = [{ id: 'a', startsAt: at('09:00'), endsAt: at('10:00') }, { id: 'b', startsAt: at('14:00'), endsAt: at('15:00') }];
    expect(findOverlap({ startsAt: at('09:30'), endsAt: at('11:00') }, diary)?.id).toBe('a');
    expect(findOverlap({ startsAt: at('13:00'), endsAt: at('16:00') }, diary)?.id).toBe('b');
    expect(findOverlap({ startsAt: at('10:00'), endsAt: at('14:00') }, diary)).toBeUndefined();
    expect(findOverlap({ startsAt: at('08:00'), endsAt: at('09:00') }, diary)).toBeUndefined();
  });
});
