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
  ) {}

  async execute(submission: ReportSubmission): Promise<SubmittedReport> {
    const report = await this.findOrCreate(submission);
    const registered = await this.register(report);
    if (report.caseNumber !== registered.caseNumber) {
      await this.reports.updateOne({ _id: report._id }, { $set: { caseNumber: registered.caseNumber } });
    }
    return {
      reportId: report.reportId,
      caseNumber: registered.caseNumber,
      merged: registered.merged,
      intakeStatus: intakeStatusOf(registered.report),
      photos: report.photos.map(({ photoId, url, contentType, bytes }) => ({ photoId, url, contentType, bytes })),
    };
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
