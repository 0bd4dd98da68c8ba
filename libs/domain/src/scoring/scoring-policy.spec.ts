import { compositeScore, DEFAULT_SCORING_POLICY, DEFAULT_SCORING_RULES, effectiveFromProblems, figureFormulas, policyForPeriod, policyInForceOn, scoringRulesProblems, type ScoringPolicyVersion } from './scoring-policy';

const v2: ScoringPolicyVersion = { ...DEFAULT_SCORING_POLICY, version: 2, effectiveFrom: '2026-12-16', weights: { response: 0.2, resolution: 0.4, satisfaction: 0.4 } };

describe('scoring policy (考核口径)', () => {
  it('defaults to 10/50/40 with 基本满意 at 0.9', () => {
    expect(compositeScore({ responseRate: 1, resolutionRate: 0.8, satisfactionRate: 0.5 }, DEFAULT_SCORING_RULES.weights)).toBeCloseTo(0.1 + 0.4 + 0.2, 12);
    expect(compositeScore({ responseRate: 1, resolutionRate: 0.8, satisfactionRate: null }, DEFAULT_SCORING_RULES.weights)).toBeNull();
    expect(figureFormulas(DEFAULT_SCORING_RULES).composite.zh).toBe('综合得分 = 10% × 响应率 + 50% × 解决率 + 40% × 满意率');
    expect(figureFormulas(DEFAULT_SCORING_RULES).satisfactionRate.en).toContain('0.9 × basically satisfied');
  });

  it('refuses weights that do not add up to 1, shares outside 0..1 and empty lists, naming the field', () => {
    expect(scoringRulesProblems(DEFAULT_SCORING_RULES)).toEqual([]);
    expect(scoringRulesProblems({ ...DEFAULT_SCORING_RULES, weights: { response: 0.2, resolution: 0.5, satisfaction: 0.4 } })).toEqual([
      { field: 'weights', code: 'weights_not_whole', reason: { zh: '三项权重之和须为 1（现为 1.1）', en: 'must add up to 1 (they add up to 1.1)' } },
    ]);
    expect(scoringRulesProblems({ ...DEFAULT_SCORING_RULES, basicallySatisfiedWeight: 1.5, lists: { size: 0, minCases: 1 } }).map((p) => p.field)).toEqual(['basicallySatisfiedWeight', 'lists.size']);
  });

  it('takes a version from today on, after the latest one, never in the past', () => {
    const now = new Date('2026-12-10T04:00:00Z');
    expect(effectiveFromProblems('2026-12-10', [DEFAULT_SCORING_POLICY], now)).toEqual([]);
    expect(effectiveFromProblems('2026-12-09', [DEFAULT_SCORING_POLICY], now)[0].field).toBe('effectiveFrom');
    expect(effectiveFromProblems('2026-12-09', [DEFAULT_SCORING_POLICY], now)[0]).toMatchObject({ code: 'effective_in_past', reason: { zh: expect.stringContaining('今天（2026-12-10）'), en: expect.stringContaining('today (2026-12-10)') } });
    expect(effectiveFromProblems('2026-12-16', [DEFAULT_SCORING_POLICY, v2], now)[0]).toMatchObject({ code: 'not_after_latest', reason: { zh: expect.stringContaining('2026-12-16'), en: expect.stringContaining('after 2026-12-16') } });
    expect(effectiveFromProblems('2026-02-30', [DEFAULT_SCORING_POLICY], now)[0]).toMatchObject({ code: 'invalid_date', reason: { en: 'must be a real YYYY-MM-DD date' } });
  });

  it('scores a period under the version in force on its first China day', () => {
    const versions = [DEFAULT_SCORING_POLICY, v2];
    expect(policyInForceOn('2026-12-15', versions).version).toBe(1);
    expect(policyInForceOn('2026-12-16', versions).version).toBe(2);
    // 2026-12-16 00:00 China time is 2026-12-15 16:00 UTC
    expect(policyForPeriod({ from: new Date('2026-12-15T16:00:00Z'), to: new Date('2026-12-31T16:00:00Z') }, versions).policy.version).toBe(2);
    expect(policyForPeriod({ from: new Date('2026-12-15T15:59:59Z'), to: new Date('2026-12-31T16:00:00Z') }, versions)).toMatchObject({ policy: { version: 1 }, takingEffectWithin: [v2] });
  });
});
