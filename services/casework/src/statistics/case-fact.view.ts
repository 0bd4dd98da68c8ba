import type { CaseFactDoc } from './case-fact';

/** A case behind a figure, as the drill-down lists it (dates as ISO strings). */
export interface CaseFactView {
  caseNumber: string;
  registeredAt: string | null;
  channel: string | null;
  requestType: string | null;
  categoryCode: string | null;
  categoryName: string | null;
  priority: string | null;
  districtId: string | null;
  streetId: string | null;
  streetName: string | null;
  communityId: string | null;
  communityName: string | null;
  gridId: string | null;
  stage: string;
  level: string | null;
  currentUnit: string | null;
  currentUnitName: string | null;
  responded: boolean;
  respondedOnTime: boolean;
  acceptedAt: string | null;
  acceptanceDeadline: string | null;
  resolved: boolean;
  resolvedAt: string | null;
  resolvedOnTime: boolean;
  closedAt: string | null;
  closureReason: string | null;
  everBreached: boolean;
  breachedWindows: string[];
  escalated: boolean;
  departmentIds: string[];
  returnedCount: number;
  reopenedCount: number;
  callbackReached: boolean | null;
  satisfaction: string | null;
}

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null);

export function toCaseFactView(fact: CaseFactDoc, names: { unit: (id: string) => string | undefined; category: (code: string) => string }): CaseFactView {
  const unit = (id: string | null) => (id ? names.unit(id) ?? null : null);
  return {
    caseNumber: fact._id, registeredAt: iso(fact.registeredAt), channel: fact.channel, requestType: fact.requestType,
    categoryCode: fact.categoryCode, categoryName: fact.categoryCode ? names.category(fact.categoryCode) : null, priority: fact.priority,
    districtId: fact.districtId, streetId: fact.streetId, streetName: unit(fact.streetId), communityId: fact.communityId,
    communityName: unit(fact.communityId), gridId: fact.gridId, stage: fact.stage, level: fact.level, currentUnit: fact.currentUnit,
    currentUnitName: unit(fact.currentUnit), responded: fact.responded, respondedOnTime: fact.respondedOnTime, acceptedAt: iso(fact.acceptedAt),
    acceptanceDeadline: iso(fact.acceptanceDeadline), resolved: fact.resolved, resolvedAt: iso(fact.resolvedAt), resolvedOnTime: fact.resolvedOnTime,
    closedAt: iso(fact.closedAt), closureReason: fact.closureReason, everBreached: fact.everBreached, breachedWindows: fact.breachedWindows,
    escalated: fact.escalated, departmentIds: fact.departmentIds, returnedCount: fact.returnedCount, reopenedCount: fact.reopenedCount,
    callbackReached: fact.callbackReached, satisfaction: fact.satisfaction,
  };
}
