/** How often a failing delivery is tried again, and how long it waits between attempts. */
export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/**
 * When to try again after `attemptsMade` failed attempts, or undefined when the delivery has had its last try.
 * Waits double from the base (30 s, 1 min, 2 min, …) up to the cap, so a provider outage of an hour is ridden
 * out without hammering it.
 */
export function nextAttemptAt(policy: RetryPolicy, attemptsMade: number, now: Date): Date | undefined {
  if (attemptsMade >= policy.maxAttempts) return undefined;
  const delay = Math.min(policy.baseDelayMs * 2 ** Math.max(0, attemptsMade - 1), policy.maxDelayMs);
  return new Date(now.getTime() + delay);
}
