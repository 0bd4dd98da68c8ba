import { FIGURES, presetPeriod, rateTone } from './figures';

describe('figures', () => {
  it('leads with the three rates', () => {
    expect(FIGURES.filter((f) => f.headline).map((f) => f.key)).toEqual(['composite', 'responseRate', 'resolutionRate', 'satisfactionRate']);
  });
  it('colours by direction: good, fair, poor, none', () => {
    expect(rateTone(0.95, false)).toBe('good');
    expect(rateTone(0.8, false)).toBe('fair');
    expect(rateTone(0.5, false)).toBe('poor');
    expect(rateTone(0.05, true)).toBe('good');
    expect(rateTone(0.5, true)).toBe('poor');
    expect(rateTone(null, false)).toBe('none');
  });
  it('computes preset periods as inclusive China days', () => {
    const today = new Date('2026-05-14T01:00:00+08:00');
    expect(presetPeriod('month', today)).toEqual({ from: '2026-05-01', to: '2026-05-14' });
    expect(presetPeriod('7d', today)).toEqual({ from: '2026-05-08', to: '2026-05-14' });
    expect(presetPeriod('30d', today)).toEqual({ from: '2026-04-15', to: '2026-05-14' });
    // 17:00 UTC is already the next day in China
    expect(presetPeriod('7d', new Date('2026-05-13T17:00:00Z'))).toEqual({ from: '2026-05-08', to: '2026-05-14' });
  });
});
