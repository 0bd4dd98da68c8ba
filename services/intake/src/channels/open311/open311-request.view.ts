import { CaseDoc } from '../../cases/case.schema';
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

/** The case fields the Open311 view reads (an `updatedAt`, should the case get one, is preferred for updated_datetime). */
export type CaseForOpen311 = Pick<CaseDoc, '_id' | 'registeredAt' | 'status' | 'categoryCode' | 'address' | 'location'> & { updatedAt?: Date };

const NOTES: Record<string, string> = {
  routed: '已派至属地社区办理 dispatched to the community that owns the place',
  'manual-queue': '已受理,待人工派单 registered, awaiting manual dispatch',
  closed: '已办结 closed',
};

/** GeoReport knows only open and closed: a case is closed when its status is closed, otherwise open (also before it exists). */
export function open311Status(request: Pick<Open311RequestDoc, 'merged'>, kase: CaseForOpen311 | undefined): { status: Open311Status; status_notes: string } {
  if (!kase) return { status: 'open', status_notes: '受理中 being registered' };
  const notes = NOTES[kase.status] ?? kase.status;
  const merged = request.merged ? `已并入案件 ${kase._id} merged into case ${kase._id}; ` : '';
  return { status: kase.status === 'closed' ? 'closed' : 'open', status_notes: `${merged}${notes}` };
}

export function toOpen311Request(request: Open311RequestDoc, kase?: CaseForOpen311): Open311ServiceRequest {
  // the case may have been reclassified or placed more exactly since; once it exists it is the truth
  const serviceCode = kase?.categoryCode ?? request.serviceCode;
  const location = kase?.location ?? request.location;
  return {
    service_request_id: kase?._id ?? request.caseNumber ?? null,
    ...open311Status(request, kase),
    service_name: findCategory(serviceCode)?.minor.zh ?? serviceCode,
    service_code: serviceCode,
    description: request.description,
    requested_datetime: open311DateTime(request.requestedAt),
    updated_datetime: open311DateTime(kase?.updatedAt ?? kase?.registeredAt ?? request.requestedAt),
    address: kase?.address ?? request.address ?? null,
    lat: location?.lat ?? null,
    long: location?.lng ?? null,
    media_url: request.mediaUrl ?? null,
  };
}

/** Status filter of GET requests: applied to the view, since the status lives on the case. */
export function withStatus(requests: Open311ServiceRequest[], statuses: readonly Open311Status[] | undefined): Open311ServiceRequest[] {
  return statuses ? requests.filter((r) => statuses.includes(r.status)) : requests;
}
