import { departmentTypeByCode } from '@civicflow/domain';
import type { CaseViewDoc } from '../../cases/case-view/case-view.schema';
import { findCategory } from '../app-report/report-intake/report-category';
import { open311DateTime } from './open311.format';
import { Open311Status } from './open311.dto';
import { Open311RequestDoc } from './open311-request.schema';

/** A service request as GET requests.{format} shows it (GeoReport v2 field names, plus master_service_request_id and expected_datetime_provisional). */
export interface Open311ServiceRequest {
  service_request_id: string | null;
  status: Open311Status;
  status_notes: string;
  service_name: string;
  service_code: string;
  description: string | null;
  agency_responsible: string | null;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
  address: string | null;
  lat: number | null;
  long: number | null;
  media_url: string | null;
  /** merged (合并): the id of the request whose case this one's status follows */
  master_service_request_id?: string;
  /** 暂定: expected_datetime runs through a year without an official holiday arrangement, and may still move */
  expected_datetime_provisional?: true;
}

/** Where a case stands, as intake's projection of the case events shows it. */
export type CaseForOpen311 = Pick<CaseViewDoc, '_id' | 'stage' | 'unitId' | 'masterCaseNumber' | 'updatedAt' | 'deadline' | 'deadlineProvisional'>;

/** The case a request's report became or joined, and — when that case was merged into another — the master's. */
export interface RequestCases {
  own?: CaseForOpen311;
  master?: CaseForOpen311;
}

/** A unit's name for people (the grid service's org tree), or undefined when it is not known. */
export type UnitNames = (unitId: string) => string | undefined;

/** Who reads: the app that posted the request sees all of it; anyone else (no key, another app's) the public view. */
export type Viewer = { app?: string };

/** Stages in which the case is still being worked on: expected_datetime is the deadline of its running clock. */
const WORKING_STAGES: readonly string[] = ['registered', 'awaiting-dispatch', 'dispatched', 'returned', 'in-handling', 'suspended', 'under-review'];

/** The case whose stage the request shows: its own, or the master's once its own was merged into another. */
export function effectiveCase(cases: RequestCases): CaseForOpen311 | undefined {
  return cases.own?.stage === 'merged' ? cases.master : cases.own;
}

/** The case number a merged request follows: the open case it joined at intake, or the master its own case was merged into. */
export function masterOf(request: Pick<Open311RequestDoc, 'merged' | 'caseNumber'>, cases: RequestCases): string | undefined {
  if (request.merged && request.caseNumber) return request.caseNumber;
  return cases.own?.stage === 'merged' ? cases.own.masterCaseNumber : undefined;
}

/** GeoReport's open or closed, with a note in both languages saying where the case stands (units by name). */
export function open311Status(request: Pick<Open311RequestDoc, 'merged' | 'caseNumber'>, cases: RequestCases, names: UnitNames): { status: Open311Status; status_notes: string } {
  const master = masterOf(request, cases);
  const merged = master ? `已并入案件 ${master} merged into case ${master}; ` : '';
  const kase = effectiveCase(cases);
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

/**
 * Categories whose place says something about a person (disputes, family and neighbour matters, health, social
 * security, public security, justice) and tip-offs (举报): their public view shows no address and only a
 * neighbourhood (coordinates to 0.01°, about a kilometre), never the doorstep.
 */
const SENSITIVE_MAJORS: readonly string[] = ['10', '11', '12', '13', '16', '24', '25', '26'];

export function isSensitive(serviceCode: string, requestType: string): boolean {
  const category = findCategory(serviceCode);
  return requestType === 'tip-off' || !category || category.minor.isDispute || SENSITIVE_MAJORS.includes(category.minor.majorCode);
}

const coarse = (degrees: number | undefined) => (degrees === undefined ? null : Math.round(degrees * 100) / 100);

/** The department responsible for the category, by its name in the org tree (or the vocabulary's). */
export function agencyOf(serviceCode: string, names: UnitNames): string | null {
  const department = findCategory(serviceCode)?.minor.department;
  if (!department) return null;
  return names(`dept-${department}`) ?? departmentTypeByCode(department)?.zh ?? null;
}

const latest = (...times: (Date | undefined)[]) => new Date(Math.max(...times.filter((t): t is Date => !!t).map((t) => new Date(t).getTime())));

/**
 * One request as a viewer may see it. The app that posted it reads its words, exact place and photo link; anyone
 * else reads where it stands, its service and — unless the category is sensitive — its place, but never a
 * resident's words, photo or contact (contacts are not even stored).
 */
export function toOpen311Request(request: Open311RequestDoc, cases: RequestCases, names: UnitNames, viewer: Viewer): Open311ServiceRequest {
  const owner = viewer.app === request.app;
  const hidePlace = !owner && isSensitive(request.serviceCode, request.requestType);
  const kase = effectiveCase(cases);
  const master = masterOf(request, cases);
  const working = kase && WORKING_STAGES.includes(kase.stage) && kase.deadline;
  return {
    service_request_id: request.serviceRequestId ?? null,
    ...open311Status(request, cases, names),
    service_name: findCategory(request.serviceCode)?.minor.zh ?? request.serviceCode,
    service_code: request.serviceCode,
    description: owner ? request.description : null,
    agency_responsible: agencyOf(request.serviceCode, names),
    requested_datetime: open311DateTime(request.requestedAt),
    updated_datetime: open311DateTime(latest(request.requestedAt, cases.own?.updatedAt, cases.master?.updatedAt)),
    expected_datetime: working ? open311DateTime(new Date(kase.deadline!)) : null,
    address: hidePlace ? null : (request.address ?? null),
    lat: hidePlace ? coarse(request.location?.lat) : (request.location?.lat ?? null),
    long: hidePlace ? coarse(request.location?.lng) : (request.location?.lng ?? null),
    media_url: owner ? (request.mediaUrl ?? null) : null,
    ...(master ? { master_service_request_id: master } : {}),
    ...(working && kase.deadlineProvisional ? { expected_datetime_provisional: true as const } : {}),
  };
}

/** Status filter of GET requests: applied to the view, since the status lives with the case. */
export function withStatus(requests: Open311ServiceRequest[], statuses: readonly Open311Status[] | undefined): Open311ServiceRequest[] {
  return statuses ? requests.filter((r) => statuses.includes(r.status)) : requests;
}
