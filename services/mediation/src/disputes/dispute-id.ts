import { randomBytes } from 'node:crypto';

/** A dispute from a case is keyed by the case number, so a redelivered case.registered never opens a second one. */
export const disputeIdForCase = (caseNumber: string): string => `tj-${caseNumber}`;

/** A walk-in (来访) dispute: day in China time and a random suffix. */
export function walkInDisputeId(now: Date): string {
  const day = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, '');
  return `tj-w${day}-${randomBytes(3).toString('hex')}`;
}
