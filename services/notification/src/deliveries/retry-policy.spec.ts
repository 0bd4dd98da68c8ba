import { nextAttemptAt } from './retry-policy';

describe('retry policy', () => {
  const policy = { maxAttempts: 5, baseDelayMs: 30_000, maxDelayMs: 5 * 60_000 };
  const now = new Date('2026-03-10T02:00:00Z');
  const waitAfter = (attempts: number) => {
    const at = nextAttemptAt(policy, attempts, now);
    return at && at.getTime() - now.getTime();
  };

  it('doubles the wait from the base after each failed attempt', () => {
    expect([1, 2, 3, 4].map(waitAfter)).toEqual([30_000, 60_000, 120_000, 240_000]);
  });

  it('never waits longer than the cap', () => {
    expect(waitAfter(4)).toBeLessThanOrEqual(policy.maxDelayMs);
    expect(nextAttemptAt({ ...policy, maxAttempts: 20 }, 12, now)!.getTime() - now.getTime()).toBe(policy.maxDelayMs);
  });

  it('gives up after the last attempt', () => {
    expect(waitAfter(5)).toBeUndefined();
    expect(nextAttemptAt({ ...policy, maxAttempts: 1 }, 1, now)).toBeUndefined();
  });
});
