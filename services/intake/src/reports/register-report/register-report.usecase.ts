import { HttpException, Inject, Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { Channel, duplicateMergedV1, GeoPoint, manualDispatchQueuedV1, RequestType, Urgency } from '@civicflow/contracts';
import { TaxonomyIndex } from '@civicflow/domain';
import { EventPublisher, isDuplicateKey } from '@civicflow/platform';
import { CaseNumbers } from '../../cases/case-number/case-numbers';
import { classifyRequest } from '../../cases/classify/classify-request';
import { OpenCases } from '../../cases/dedup/open-cases';
import { GridRoutes, RoutingAnswer } from '../../cases/routing/grid-routes';
import { TAXONOMY } from '../../cases/taxonomy.provider';
import { intakeStatusOf, REPORT_MODEL, ReportDoc, ReportRouting, sourceKeyOf } from '../report.schema';
import { UnregisteredReports } from '../unregistered-reports/unregistered-reports';
import { CaseWorkflowStarter } from './case-workflow.starter';
import { CASE_VIEW_MODEL, CaseViewDoc } from '../../cases/case-view/case-view.schema';

/** A report as a channel hands it to registration. */
export interface ReportIntake {
  channel: Channel;
  sourceRef: string;
  requestType: RequestType;
  urgency: Urgency;
  categoryCode?: string;
  content: string;
  address?: string;
  location?: GeoPoint;
  /** keyed hash of whoever reported it, so merged reporters can be informed too */
  reporterRef?: string;
  photos?: string[];
  /** photos the reporter's app hosts, kept as links (Open311 media_url) */
  photoLinks?: string[];
  answeredDirectly?: { articleId: string; answer: string };
  /** 合并 at the call: the open case the operator chose for it */
  joinCaseNumber?: string;
  correlationId: string;
  traceparent?: string;
}

/** The registered report and the case it became (or joined, `merged`). */
export interface RegisteredReport {
  caseNumber: string;
  merged: boolean;
  report: ReportDoc & { caseNumber: string };
}

/** A report joins no case in these stages: the problem is solved (or the case lives on in its master). */
const FINISHED_STAGES: ReadonlySet<string> = new Set(['resolved', 'called-back', 'closed', 'merged']);

/** Rounds of number → workflow before giving up; each extra round is a number another report's workflow held (the counter jumps further each time). */
const MAX_ROUNDS = 12;

/**
 * 受理登记 → 分类定级 → 合并 or 编号 → 定位派单 → 交办: stores the report as it came, classified; joins it to an open case
 * of the same problem nearby (合并), or claims a case number for it and routes its place; then hands it over — the
 * case workflow (id = case number) is started, or the merge announced. Intake keeps no case state: the workflow is
 * the only writer of the case. Every step is keyed by the report's source key and safe to repeat, so a redelivered
 * call, a resent report or a second intake process continues where another stopped and never makes a second case.
 * A failure leaves the report in the unregistered queue with its reason; a refusal (4xx) stores nothing.
 */
@Injectable()
export class RegisterReportUseCase {
  private readonly logger = new Logger(RegisterReportUseCase.name);

  constructor(
    @InjectModel(REPORT_MODEL) private readonly reports: Model<ReportDoc>,
    @Inject(TAXONOMY) private readonly taxonomy: TaxonomyIndex,
    private readonly numbers: CaseNumbers,
    private readonly openCases: OpenCases,
    private readonly routes: GridRoutes,
    private readonly workflows: CaseWorkflowStarter,
    private readonly unregistered: UnregisteredReports,
    private readonly publisher: EventPublisher,
    @InjectModel(CASE_VIEW_MODEL) private readonly views: Model<CaseViewDoc>,
  ) {}

  async execute(intake: ReportIntake): Promise<RegisteredReport> {
    return this.complete(await this.receive(intake));
  }

  /** Carries a stored report through to its case (also how a dispatcher retries an unregistered one). */
  async complete(stored: ReportDoc): Promise<RegisteredReport> {
    let report = stored;
    try {
      for (let round = 0; !report.handedOverAt; round++) {
        if (round >= MAX_ROUNDS) throw new Error(`no case number free of other reports' workflows after ${MAX_ROUNDS} rounds`);
        if (!report.caseNumber) report = await this.place(report, 2 ** round);
        report = report.merged ? await this.announceMerge(report) : await this.handOver(report);
      }
    } catch (error) {
      if (!(error instanceof HttpException && error.getStatus() < 500)) await this.unregistered.record(report, error);
      throw error;
    }
    if (report.failure) await this.unregistered.resolve(report);
    return { caseNumber: report.caseNumber!, merged: !!report.merged, report: report as RegisteredReport['report'] };
  }

  /** The stored report (a redelivery finds the first delivery's); classification refuses a bad one before anything is stored. */
  private async receive(intake: ReportIntake): Promise<ReportDoc> {
    const _id = sourceKeyOf(intake.channel, intake.sourceRef);
    const known = await this.reports.findById(_id).lean<ReportDoc>();
    if (known) return known;
    const classification = classifyRequest(this.taxonomy, intake);
    const report: ReportDoc = {
      _id,
      channel: intake.channel,
      sourceRef: intake.sourceRef,
      requestType: intake.requestType,
      urgency: intake.urgency,
      ...classification,
      content: intake.content,
      ...(intake.address ? { address: intake.address } : {}),
      ...(intake.location ? { location: { lng: intake.location.lng, lat: intake.location.lat } } : {}),
      photos: intake.photos ?? [],
      ...(intake.photoLinks?.length ? { photoLinks: intake.photoLinks } : {}),
      ...(intake.reporterRef ? { reporterRef: intake.reporterRef } : {}),
      ...(intake.answeredDirectly ? { answeredDirectly: { articleId: intake.answeredDirectly.articleId, answer: intake.answeredDirectly.answer } } : {}),
      ...(intake.joinCaseNumber && !intake.answeredDirectly ? { joinCaseNumber: intake.joinCaseNumber } : {}),
      receivedAt: new Date(),
      correlationId: intake.correlationId,
      ...(intake.traceparent ? { traceparent: intake.traceparent } : {}),
    };
    try {
      await this.reports.create(report);
      return report;
    } catch (error) {
      // the same report delivered twice at once: the first one stored stands
      if (!isDuplicateKey(error)) throw error;
      return (await this.reports.findById(_id).lean<ReportDoc>())!;
    }
  }

  /** 合并 into an open case of the same problem nearby, or a case number of its own with its routing. */
  private async place(report: ReportDoc, firstStep: number): Promise<ReportDoc> {
    const now = new Date();
    // the operator saw the problem open as this case: it joins it while the case is still open (else a case of its own)
    if (report.joinCaseNumber && (await this.joinable(report.joinCaseNumber))) {
      return this.link(report, { caseNumber: report.joinCaseNumber, merged: { byOperator: true, at: now } });
    }
    const master = await this.openCases.findMaster(report, now);
    if (master) {
      return this.link(report, { caseNumber: master.caseNumber, merged: { ...(master.distanceMeters !== undefined ? { distanceMeters: Math.round(master.distanceMeters) } : {}), at: now } });
    }
    const routing = report.answeredDirectly ? undefined : await this.routes.locate({ point: report.location, address: report.address });
    const caseNumber = await this.numbers.claim(report._id, report.receivedAt, firstStep);
    const linked = await this.link(report, { caseNumber, ...routingFields(routing) });
    // a concurrent delivery linked its number first: ours goes back unused
    if (linked.caseNumber !== caseNumber) await this.numbers.release(caseNumber, report._id);
    return linked;
  }

  /**
   * A case a report may still join: open as its events tell (not resolved, closed or merged — what the open-case index
   * keeps), or handed over so recently that its first event has not arrived yet.
   */
  private async joinable(caseNumber: string): Promise<boolean> {
    const view = await this.views.findById(caseNumber).lean<CaseViewDoc>();
    if (view) return !FINISHED_STAGES.has(view.stage) && !view.masterCaseNumber;
    const number = await this.numbers.find(caseNumber);
    return !!number && !number.takenBy;
  }

  /** Links the report to its case once; a delivery that comes second gets the first one's link. */
  private async link(report: ReportDoc, fields: Partial<ReportDoc>): Promise<ReportDoc> {
    const linked = await this.reports.findOneAndUpdate({ _id: report._id, caseNumber: { $exists: false } }, { $set: fields }, { new: true }).lean<ReportDoc>();
    return linked ?? (await this.reports.findById(report._id).lean<ReportDoc>())!;
  }

  /** 交办: the case workflow starts (id = case number), the case joins the open-case index, a dispatcher hears of an unrouted one. */
  private async handOver(report: ReportDoc): Promise<ReportDoc> {
    const caseNumber = report.caseNumber!;
    const outcome = await this.workflows.start({ ...report, caseNumber });
    if (!outcome.started) {
      this.logger.warn(`案件编号 ${caseNumber} 已属于 ${outcome.owner} 的工作流,为 ${report._id} 另取编号 case number ${caseNumber} belongs to the workflow of ${outcome.owner}; claiming another for ${report._id}`);
      await this.numbers.markTaken(caseNumber, outcome.owner);
      const unlinked = await this.reports.findOneAndUpdate({ _id: report._id, caseNumber }, { $unset: { caseNumber: 1 } }, { new: true }).lean<ReportDoc>();
      return unlinked ?? (await this.reports.findById(report._id).lean<ReportDoc>())!;
    }
    await this.openCases.add(report, caseNumber);
    if (intakeStatusOf(report) === 'manual-queue') {
      await this.publisher.publish(manualDispatchQueuedV1, {
        id: `manual-queue:${caseNumber}`,
        key: caseNumber,
        correlationId: report.correlationId,
        data: { caseNumber, reason: report.unroutedReason ?? 'no-location' },
      });
    }
    return this.handedOver(report);
  }

  /** The report joined its master case: the master's number lists it, and the reporter is told (intake.duplicate-merged). */
  private async announceMerge(report: ReportDoc): Promise<ReportDoc> {
    const caseNumber = report.caseNumber!;
    await this.numbers.join(caseNumber, report._id);
    await this.publisher.publish(duplicateMergedV1, {
      id: `merged:${report._id}`,
      key: caseNumber,
      correlationId: report.correlationId,
      data: {
        masterCaseNumber: caseNumber,
        channel: report.channel,
        sourceRef: report.sourceRef,
        ...(report.reporterRef ? { reporterRef: report.reporterRef } : {}),
        distanceMeters: report.merged?.distanceMeters ?? 0,
        matchedBy: report.merged?.byOperator ? 'operator' : report.merged?.distanceMeters !== undefined ? 'point' : 'address',
      },
    });
    return this.handedOver(report);
  }

  private async handedOver(report: ReportDoc): Promise<ReportDoc> {
    const done = await this.reports.findOneAndUpdate({ _id: report._id }, { $set: { handedOverAt: new Date() } }, { new: true }).lean<ReportDoc>();
    return done ?? report;
  }
}

function routingFields(routing: RoutingAnswer | undefined): Pick<ReportDoc, 'routing' | 'unroutedReason'> {
  if (!routing) return {};
  if (!routing.matched) return { unroutedReason: routing.reason };
  const { method, gridId, gridName, communityId, communityName, streetId, streetName, districtId, orgPath } = routing;
  const placed: ReportRouting = { method, gridId, gridName, communityId, communityName, streetId, streetName, districtId, orgPath };
  return { routing: placed };
}
