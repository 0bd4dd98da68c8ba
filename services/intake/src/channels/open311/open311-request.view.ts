import type { CaseViewDoc } from '../../cases/case-view/case-view.schema';
import { findCategory } from '../app-report/report-intake/report-category';
import { open311DateTime } from './open311.format';
import { Open311Status } from './open311.dto';
import { Open311RequestDoc } from './open311-request.schema';

/** A service request as GET requests.{format} shows it (GeoReport v2 field names). */
export interface Open311ServiceRequest {
  service_request_id: string | null;
  status: Open311Status;
  status_notes: string;
  service_name: string;
  service_code: string;
  description: string;
  requested_datetime: string;
  updated_datetime: string;
  address: string | null;
  lat: number | null;
  long: number | null;
  media_url: string | null;
}

/** Where the request's case stands, as intake's projection of the case events shows it. */
export type CaseForOpen311 = Pick<CaseViewDoc, '_id' | 'stage' | 'unitId' | 'masterCaseNumber' | 'updatedAt'>;

/** A unit's name for people (the grid service's org tree), or undefined when it is not known. */
export type UnitNames = (unitId: string) => string | undefined;

/** GeoReport's open or closed, with a note in both languages saying where the case stands. */
export function open311Status(request: Pick<Open311RequestDoc, 'merged' | 'caseNumber'>, kase: CaseForOpen311 | undefined, names: UnitNames): { status: Open311Status; status_notes: string } {
  const merged = request.merged && request.caseNumber ? `已并入案件 ${request.caseNumber} merged into case ${request.caseNumber}; ` : '';
  if (!kase) return { status: 'open', status_notes: `${merged}${request.caseNumber ? '已受理 registered' : '受理中 being registered'}` };
  const unit = kase.unitId ? (names(kase.unitId) ?? '承办单位') : '承办单位';
  const unitEn = kase.unitId ? (names(kase.unitId) ?? 'the handling unit') : 'the handling unit';
  const notes: Record<string, string> = {
    registered: '已受理,待派单 registered, awaiting dispatch',
    'awaiting-dispatch': '已受理,待派单 registered, awaiting dispatch',
    dispatched: `已派至${unit},待签收 dispatched to ${unitEn}`,
    returned: '已退回,待重新派单 returned, awaiting dispatch to the right unit',
    'in-handling': `${unit}办理中 being handled by ${unitEn}`,
    suspended: '暂停办理 suspended',
    resolved: '已办结,待回访 resolved; a callback is due',
    'called-back': '已回访 called back',
    'under-review': '督查复核中 under supervisory review',
    closed: '已办结归档 closed',
    merged: `已并入案件 ${kase.masterCaseNumber ?? ''} merged into case ${kase.masterCaseNumber ?? ''}`,
  };
  return { status: kase.stage === 'closed' || kase.stage === 'merged' ? 'closed' : 'open', status_notes: `${merged}${notes[kase.stage] ?? kase.stage}` };
}

export function toOpen311Request(request: Open311RequestDoc, kase: CaseForOpen311 | undefined, names: UnitNames): Open311ServiceRequest {
  return {
    service_request_id: request.caseNumber ?? null,
    ...open311Status(request, kase, names),
    service_name: findCategory(request.serviceCode)?.minor.zh ?? request.serviceCode,
    service_code: request.serviceCode,
    description: request.description,
    requested_datetime: open311DateTime(request.requestedAt),
    updated_datetime: open311DateTime(kase?.updatedAt ?? request.requestedAt),
    address: request.address ?? null,
    lat: request.location?.lat ?? null,
    long: request.location?.lng ?? null,
    media_url: request.mediaUrl ?? null,
  };
}

/** Status filter of GET requests: applied to the view, since the status lives with the case. */
export function withStatus(requests: Open311ServiceRequest[], statuses: readonly Open311Status[] | undefined): Open311ServiceRequest[] {
  return statuses ? requests.filter((r) => statuses.includes(r.status)) : requests;
}
