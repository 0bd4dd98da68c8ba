import { addChinaDays, chinaDay, chinaPeriodInstants } from './china-time';

describe('China time', () => {
  it('tells the China day of an instant whatever the machine’s zone', () => {
    expect(chinaDay(Date.parse('2026-12-06T16:30:00Z'))).toBe('2026-12-07');
    expect(chinaDay(Date.parse('2026-12-06T15:59:59Z'))).toBe('2026-12-06');
  });
  it('turns a period of China days into instants with the offset (what the mediation figures take)', () => {
    expect(chinaPeriodInstants({ from: '2026-11-08', to: '2026-12-07' })).toEqual({ from: '2026-11-08T00:00:00+08:00', to: '2026-12-08T00:00:00+08:00' });
    expect(addChinaDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addChinaDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
