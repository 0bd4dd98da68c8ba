import type { EventEnvelope } from '@civicflow/contracts';
import { defaultTaxonomy } from '@civicflow/domain';
import type { OrgUnits } from '../../committees/org-units';
import { disputeIdForCase } from '../dispute-id';
import { disputeTypeOfCategory } from '../dispute-type';
import type { OpenDisputeCommand } from '../open-dispute/open-dispute.usecase';

export type CaseDecision =
  | { open: true; command: Omit<OpenDisputeCommand, 'correlationId' | 'at'> }
  | { open: false; why: 'not-a-dispute' | 'not-routed' | 'closed-at-intake' };

interface CaseRegisteredData {
  caseNumber: string;
  categoryCode?: string;
  orgPath?: string[];
  intakeStatus?: string;
  requestType?: string;
}

/**
 * Whether a registered case becomes a dispute: its category is a dispute (taxonomy isDispute) and it was routed
 * (its org path reaches a community). The community comes from the path; the street is the level above it.
 */
export function decideDisputeFromCase(event: EventEnvelope, org: OrgUnits): CaseDecision {
  const data = event.data as CaseRegisteredData;
  const category = data.categoryCode ? defaultTaxonomy().minorByCode(data.categoryCode) : undefined;
  if (!category?.isDispute) return { open: false, why: 'not-a-dispute' };
  if (data.intakeStatus === 'closed') return { open: false, why: 'closed-at-intake' };
  const path = data.orgPath ?? [];
  // city → district → street → community (→ grid): the community is the fourth unit; or any unit the org knows as one
  const communityId = path.find((id) => org.get(id)?.kind === 'community') ?? path[3];
  if (!communityId) return { open: false, why: 'not-routed' };
  const known = org.pathOfCommunity(communityId);
  const streetId = known?.streetId ?? path[path.indexOf(communityId) - 1];
  if (!streetId) return { open: false, why: 'not-routed' };
  return {
    open: true,
    command: {
      disputeId: disputeIdForCase(data.caseNumber),
      caseNumber: data.caseNumber,
      origin: 'case',
      categoryCode: category.code,
      disputeType: disputeTypeOfCategory(category.code),
      summary: `${category.zh}（案件 ${data.caseNumber}）`,
      amountAtStakeCny: null,
      communityId,
      streetId,
      districtId: known?.districtId ?? path[path.indexOf(streetId) - 1] ?? null,
      orgPath: known?.orgPath ?? path.slice(0, path.indexOf(communityId) + 1),
      parties: [],
      openedBy: { userId: event.actor?.userId ?? 'system', role: event.actor?.role ?? 'system' },
    },
  };
}
