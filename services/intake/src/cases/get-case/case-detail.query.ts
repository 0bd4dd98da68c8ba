import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { assertWithinJurisdiction, AuthUser } from '@civicflow/platform';
import { intakeStatusOf, ReportDoc } from '../../reports/report.schema';
import { CaseReports } from '../case-reports';
import { CASE_VIEW_MODEL, CaseViewDoc } from '../case-view/case-view.schema';

/** Roles of the whole platform that place cases nobody holds (unrouted, returned). */
const PLATFORM_ROLES: readonly string[] = ['dispatcher', 'operator', 'supervisor', 'admin'];

/** A case as intake shows it: its reports' words, place and photos, how it was routed, and where it stands now. */
export interface CaseDetail {
  caseNumber: string;
  channel: string;
  sourceRef: string;
  requestType: string;
  urgency: string;
  priority: string;
  categoryCode?: string;
  department?: string;
  isDispute: boolean;
  content: string;
  address?: string;
  location?: { lng: number; lat: number };
  /** the photos of every report of the case */
  photos: string[];
  /** photos the reporters' apps host (Open311 media_url), as links staff open */
  photoLinks: string[];
  answeredDirectly?: { articleId: string; answer: string };
  /** how intake placed it: routed, manual-queue (a dispatcher places it), closed (answered on the call) */
  intakeStatus: 'routed' | 'manual-queue' | 'closed';
  routing?: ReportDoc['routing'];
  manualQueueReason?: string;
  registeredAt: Date;
  /** everyone who reported it: the first report and each merged at intake */
  reporters: { channel: string; sourceRef: string; reportedAt: Date }[];
  /** where the case stands, from its events (null until the first has arrived) */
  stage: string | null;
  level: string | null;
  currentUnit: string | null;
  updatedAt: Date;
  mergedInto?: string;
}

/**
 * Reads a case by its number for a user: its reports by `_id` (the number's document names them) and its view.
 * Who may read it follows the view: the units on the path of the community it was (re-)dispatched to and the
 * departments involved; nobody's but the platform's roles while it waits for a dispatcher (unrouted, or returned —
 * the unit that returned it no longer reads it).
 */
@Injectable()
export class CaseDetailQuery {
  constructor(
    private readonly caseReports: CaseReports,
    @InjectModel(CASE_VIEW_MODEL) private readonly views: Model<CaseViewDoc>,
  ) {}

  async forUser(caseNumber: string, user: AuthUser): Promise<CaseDetail> {
    const [found, view] = await Promise.all([this.caseReports.all(caseNumber), this.views.findById(caseNumber).lean<CaseViewDoc>()]);
    const notFound = () => new NotFoundException({ message: `案件 ${caseNumber} 不存在 case not found` });
    if (!found) throw notFound();
    const { first, joined } = found;
    // before its first event the case goes where intake routed it
    const orgPath = view ? (view.visibleTo ?? []) : (first.routing?.orgPath ?? []);
    const departments = [...(first.department ? [`dept-${first.department}`] : []), ...(view?.departments ?? [])];
    // outside the jurisdiction the case does not exist for the user (404 like an unknown number): numbers cannot be probed
    if (!(orgPath.length === 0 && PLATFORM_ROLES.includes(user.role))) assertWithinJurisdiction(user, orgPath, departments, notFound);
    return {
      caseNumber,
      channel: first.channel,
      sourceRef: first.sourceRef,
      requestType: first.requestType,
      urgency: first.urgency,
      priority: first.priority,
      ...(first.categoryCode ? { categoryCode: first.categoryCode } : {}),
      ...(first.department ? { department: first.department } : {}),
      isDispute: first.isDispute,
      content: first.content,
      ...(first.address ? { address: first.address } : {}),
      ...(first.location ? { location: first.location } : {}),
      photos: [...new Set([first, ...joined].flatMap((report) => report.photos ?? []))],
      photoLinks: [...new Set([first, ...joined].flatMap((report) => report.photoLinks ?? []))],
      ...(first.answeredDirectly ? { answeredDirectly: first.answeredDirectly } : {}),
      intakeStatus: intakeStatusOf(first),
      ...(first.routing ? { routing: first.routing } : {}),
      ...(first.unroutedReason ? { manualQueueReason: first.unroutedReason } : {}),
      registeredAt: first.receivedAt,
      reporters: [first, ...joined].map((report) => ({ channel: report.channel, sourceRef: report.sourceRef, reportedAt: report.merged?.at ?? report.receivedAt })),
      stage: view?.stage ?? null,
      level: view?.level ?? null,
      currentUnit: view?.unitId ?? null,
      updatedAt: view?.updatedAt ?? first.receivedAt,
      ...(view?.masterCaseNumber ? { mergedInto: view.masterCaseNumber } : {}),
    };
  }
}
