import { HttpException, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { randomUUID } from 'node:crypto';
import { Model } from 'mongoose';
import { RequestType, Urgency } from '@civicflow/contracts';
import { defaultTaxonomy } from '@civicflow/domain';
import { currentTraceparent, isDuplicateKey } from '@civicflow/platform';
import { classifyRequest } from '../../../cases/classify/classify-request';
import { intakeStatusOf } from '../../../reports/report.schema';
import { RegisterReportUseCase } from '../../../reports/register-report/register-report.usecase';
import { AcceptPhotosUseCase, ReportPhoto, UploadedPhoto } from '../../../photos/accept-photos/accept-photos.usecase';
import { requireCategory } from './report-category';
import { ReportFields } from './report-fields';
import { FIELD_REPORT_MODEL, FieldReportDoc } from './report.schema';
import { PATROL_REPORTS_BY_USER_MODEL, PATROL_REPORTS_KEPT, PatrolReportEntry, PatrolReportsByUserDoc } from '../../patrol-report/patrol-reports-by-user.schema';

export interface ReportSubmission {
  channel: FieldReportDoc['channel'];
  fields: ReportFields;
  photos?: readonly UploadedPhoto[];
  /** Namespace of the client's report ids: the app's name, or the grid worker's user id. */
  sender: string;
  submittedBy: FieldReportDoc['submittedBy'];
  reporterRef?: string;
  /** Staff may raise the urgency; residents' reports start normal and the category sets the priority. */
  urgency?: Urgency;
}

export interface SubmittedReport {
  reportId: string;
  /** The case the report became, or the open case of the same problem nearby it joined (merged: true). */
  caseNumber: string;
  merged: boolean;
  /** how intake placed it: routed (to the community that owns the place) or manual-queue (a dispatcher places it); where the case stands later is GET /api/v1/cases/{caseNumber} */
  intakeStatus: 'routed' | 'manual-queue' | 'closed';
  photos: Pick<ReportPhoto, 'photoId' | 'url' | 'contentType' | 'bytes'>[];
}

/**
 * 上报 → 案件, for app and patrol reports alike: check the category, check and store the photos, keep the report,
 * register its case. The report is stored before the case is registered, so when registration fails the client
 * sends the same reportId again and continues where it stopped: photos are stored once (content-addressed) and the
 * report and its case once (keyed by source).
 */
@Injectable()
export class SubmitReportUseCase {
  constructor(
    @InjectModel(FIELD_REPORT_MODEL) private readonly reports: Model<FieldReportDoc>,
    private readonly acceptPhotos: AcceptPhotosUseCase,
    private readonly registrar: RegisterReportUseCase,
    @InjectModel(PATROL_REPORTS_BY_USER_MODEL) private readonly byUser: Model<PatrolReportsByUserDoc>,
  ) {}

  async execute(submission: ReportSubmission): Promise<SubmittedReport> {
    const report = await this.findOrCreate(submission);
    const registered = await this.register(report);
    if (report.caseNumber !== registered.caseNumber) {
      await this.reports.updateOne({ _id: report._id }, { $set: { caseNumber: registered.caseNumber } });
    }
    if (report.channel === 'patrol' && report.submittedBy.userId) await this.listForItsWorker(report, registered);
    return {
      reportId: report.reportId,
      caseNumber: registered.caseNumber,
      merged: registered.merged,
      intakeStatus: intakeStatusOf(registered.report),
      photos: report.photos.map(({ photoId, url, contentType, bytes }) => ({ photoId, url, contentType, bytes })),
    };
  }

  /**
   * The grid worker's own list (one document per worker, oldest first; the list shows it newest first): a resend
   * changes nothing, and the oldest entry goes once there are more than are kept. ($push with $position/$slice would
   * say it in one write, but FerretDB 1.24 ignores both.) Entries are built in one field order, so equal ones match.
   */
  private async listForItsWorker(report: FieldReportDoc, registered: { caseNumber: string; merged: boolean }): Promise<void> {
    const userId = report.submittedBy.userId!;
    const entry: PatrolReportEntry = {
      reportId: report.reportId, caseNumber: registered.caseNumber, merged: registered.merged, content: report.content.slice(0, 200),
      ...(report.categoryCode ? { categoryCode: report.categoryCode } : {}), ...(report.address ? { address: report.address } : {}),
      ...(report.location ? { location: { lng: report.location.lng, lat: report.location.lat } } : {}), photos: report.photos.length, receivedAt: report.receivedAt,
    };
    // a resend builds the same entry from the stored report, and $addToSet keeps one (FerretDB cannot filter on reports.reportId)
    const append = () => this.byUser.findOneAndUpdate({ _id: userId }, { $addToSet: { reports: entry } }, { new: true }).lean<PatrolReportsByUserDoc>();
    let listed = await append();
    if (!listed) {
      try {
        await this.byUser.create({ _id: userId, reports: [entry] });
        return;
      } catch (error) {
        // the worker's first two reports at once: the other created the list, this one is appended to it
        if (!isDuplicateKey(error)) throw error;
        listed = await append();
      }
    }
    if (listed && listed.reports.length > PATROL_REPORTS_KEPT) await this.byUser.updateOne({ _id: userId }, { $pop: { reports: -1 } });
  }

  private async register(report: FieldReportDoc) {
    try {
      return await this.registrar.execute({
        channel: report.channel,
        sourceRef: report.sourceRef,
        requestType: report.requestType as RequestType,
        urgency: report.urgency as Urgency,
        categoryCode: report.categoryCode,
        content: report.content,
        address: report.address,
        location: report.location,
        reporterRef: report.reporterRef,
        photos: report.photos.map((p) => p.photoId),
        correlationId: report._id,
        traceparent: currentTraceparent(),
      });
    } catch (error) {
      // refused, not failed: no case was made, so the report goes too and a corrected resend may use the same id
      if (error instanceof HttpException && error.getStatus() < 500) await this.reports.deleteOne({ _id: report._id, caseNumber: { $exists: false } });
      throw error;
    }
  }

  private async findOrCreate(submission: ReportSubmission): Promise<FieldReportDoc> {
    const { fields } = submission;
    const reportId = fields.reportId ?? randomUUID();
    const sourceRef = `${submission.sender}/${reportId}`;
    const id = `${submission.channel}:${sourceRef}`;
    // a retry: the first attempt's report stands, photos and all
    const existing = fields.reportId ? await this.reports.findById(id).lean() : null;
    if (existing) return existing;

    const category = fields.categoryCode ? requireCategory(fields.categoryCode) : undefined;
    // a resident reporting a problem asks for help (求助) unless they or the category say otherwise
    const requestType = fields.requestType ?? category?.minor.requestTypes[0] ?? 'help';
    const urgency = submission.urgency ?? 'normal';
    // refuse what registration would refuse (a request type the category does not take) before storing photos
    classifyRequest(defaultTaxonomy(), { categoryCode: category?.minor.code, requestType, urgency });
    const photos = await this.acceptPhotos.execute(submission.photos);
    const report: FieldReportDoc = {
      _id: id,
      channel: submission.channel,
      sourceRef,
      reportId,
      submittedBy: submission.submittedBy,
      reporterRef: submission.reporterRef,
      content: fields.content,
      requestType,
      urgency,
      categoryCode: category?.minor.code,
      address: fields.address,
      location: fields.location,
      photos,
      receivedAt: new Date(),
    };
    try {
      await this.reports.create(report);
      return report;
    } catch (error) {
      // the same report sent twice at once: the first one stored wins
      if (!isDuplicateKey(error)) throw error;
      const winner = await this.reports.findById(id).lean();
      if (!winner) throw error;
      return winner;
    }
  }
}
