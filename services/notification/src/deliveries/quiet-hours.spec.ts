import { parseQuietHours, quietUntil } from './quiet-hours';

const beijing = (local: string) => new Date(`${local}+08:00`);

describe('quiet hours (China time)', () => {
  const night = parseQuietHours('22:00-07:00');

  it('holds an evening message until the next morning, across midnight and month ends', () => {
    expect(quietUntil(beijing('2026-03-10T22:00:00'), night)).toEqual(beijing('2026-03-11T07:00:00'));
    expect(quietUntil(beijing('2026-03-10T23:59:59'), night)).toEqual(beijing('2026-03-11T07:00:00'));
    expect(quietUntil(beijing('2026-03-31T23:30:00'), night)).toEqual(beijing('2026-04-01T07:00:00'));
    expect(quietUntil(beijing('2026-12-31T22:30:00'), night)).toEqual(beijing('2027-01-01T07:00:00'));
  });

  it('holds an early-morning message until seven the same morning', () => {
    expect(quietUntil(beijing('2026-03-11T00:00:00'), night)).toEqual(beijing('2026-03-11T07:00:00'));
    expect(quietUntil(beijing('2026-03-11T06:59:59'), night)).toEqual(beijing('2026-03-11T07:00:00'));
  });

  it('lets daytime through, the end of the window included', () => {
    expect(quietUntil(beijing('2026-03-11T07:00:00'), night)).toBeUndefined();
    expect(quietUntil(beijing('2026-03-11T12:00:00'), night)).toBeUndefined();
    expect(quietUntil(beijing('2026-03-11T21:59:59'), night)).toBeUndefined();
  });

  it('works on China time, not the server zone: 15:00 UTC is 23:00 in Beijing', () => {
    expect(quietUntil(new Date('2026-03-10T15:00:00Z'), night)).toEqual(new Date('2026-03-10T23:00:00Z'));
    expect(quietUntil(new Date('2026-03-10T23:00:00Z'), night)).toBeUndefined(); // 07:00 the next morning in Beijing
  });

  it('supports a window within one day, and off', () => {
    const lunch = parseQuietHours('12:00-14:00');
    expect(quietUntil(beijing('2026-03-11T12:30:00'), lunch)).toEqual(beijing('2026-03-11T14:00:00'));
    expect(quietUntil(beijing('2026-03-11T14:00:00'), lunch)).toBeUndefined();
    expect(quietUntil(beijing('2026-03-11T23:00:00'), parseQuietHours('off'))).toBeUndefined();
    expect(parseQuietHours('07:00-07:00')).toBeUndefined();
    expect(() => parseQuietHours('late')).toThrow(RangeError);
  });
});
