import { CaseLink } from '../../calls/call.schema';

export type CaseLinkDecision = 'link' | 'unchanged' | 'conflict';

/**
 * A call becomes one case (registered) or joins one (merged), once. Redelivery of the same link changes nothing;
 * a second, different case for the same call is a conflict: the first link stays, and it is logged for a look.
 */
export function decideCaseLink(existing: Pick<CaseLink, 'caseNumber'> | undefined, incoming: Pick<CaseLink, 'caseNumber'>): CaseLinkDecision {
  if (!existing) return 'link';
  return existing.caseNumber === incoming.caseNumber ? 'unchanged' : 'conflict';
}
