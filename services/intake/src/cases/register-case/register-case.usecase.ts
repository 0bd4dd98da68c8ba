import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { Model } from 'mongoose';
import { Channel, duplicateMergedV1, GeoPoint, manualDispatchQueuedV1, RequestType, Urgency } from '@civicflow/contracts';
import { TaxonomyIndex } from '@civicflow/domain';
import { CONFIG, EventPublisher, InfraConfig } from '@civicflow/platform';
import { CASE_WORKFLOW_TYPE, CaseWorkflowInput } from '@civicflow/workflows';
import { CASE_MODEL, CASE_SOURCE_MODEL, CaseDoc, CaseSourceDoc } from '../case.schema';
import { CaseNumberAllocator } from '../case-number.allocator';
import { classifyRequest } from '../classify/classify-request';
import { DuplicateFinder } from '../dedup/duplicate-finder';
import { dedupKey } from '../dedup/nearby';
import { GridRoutes } from '../routing/grid-routes';
import { TAXONOMY } from '../taxonomy.provider';

export interface CaseIntake {
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
  answeredDirectly?: { articleId: string; answer: string };
  correlationId: string;
  traceparent?: string;
}

export type RegisteredCase = CaseDoc & { merged: boolean };

const DUPLICATE_KEY = 11000;

/**
 * 受理 → 分类定级 → 派单: classify, find an open case of the same problem nearby (合并), ask the grid service who owns
 * the place, store the case and start its workflow (workflow id = case number). Every step is safe to repeat: a
 * redelivered report finds its source record and gets the same case and the same workflow.
 */
@Injectable()
export class RegisterCaseUseCase {
  private readonly logger = new Logger(RegisterCaseUseCase.name);

  constructor(
    @InjectModel(CASE_MODEL) private readonly cases: Model<CaseDoc>,
    @InjectModel(CASE_SOURCE_MODEL) private readonly sources: Model<CaseSourceDoc>,
    @Inject(TAXONOMY) private readonly taxonomy: TaxonomyIndex,
    private readonly numbers: CaseNumberAllocator,
    private readonly duplicates: DuplicateFinder,
    private readonly routes: GridRoutes,
    private readonly publisher: EventPublisher,
    private readonly temporal: Client,
    @Inject(CONFIG) private readonly config: InfraConfig,
  ) {}

  async execute(intake: CaseIntake): Promise<RegisteredCase> {
    const sourceKey = `${intake.channel}:${intake.sourceRef}`;
    const known = await this.sources.findById(sourceKey).lean();
    if (known) return this.resume(known, intake);

    const classification = classifyRequest(this.taxonomy, intake);
    const now = new Date();
    if (!intake.answeredDirectly) {
      const duplicate = await this.duplicates.findMaster(classification.categoryCode, intake.location, now);
      if (duplicate) return this.merge(sourceKey, intake, duplicate.master, duplicate.distanceMeters);
    }
    const routing = intake.answeredDirectly ? undefined : await this.routes.locate({ point: intake.location, address: intake.address });

    const caseNumber = await this.claimSource(sourceKey, await this.numbers.next(now), false);
    const doc: CaseDoc = {
      _id: caseNumber,
      channel: intake.channel,
      sourceRef: intake.sourceRef,
      requestType: intake.requestType,
      urgency: intake.urgency,
      ...classification,
      content: intake.content,
      address: intake.address,
      location: intake.location,
      dedupKey: classification.categoryCode && intake.location ? dedupKey(classification.categoryCode, intake.location) : undefined,
      photos: intake.photos ?? [],
      status: intake.answeredDirectly ? 'closed' : routing?.matched ? 'routed' : 'manual-queue',
      manualQueueReason: routing && !routing.matched ? routing.reason : undefined,
      answeredDirectly: intake.answeredDirectly,
      routing: routing?.matched
        ? {
            method: routing.method, gridId: routing.gridId, gridName: routing.gridName, communityId: routing.communityId,
            communityName: routing.communityName, streetId: routing.streetId, streetName: routing.streetName, districtId: routing.districtId,
          }
        : undefined,
      orgPath: routing?.matched ? routing.orgPath : [],
      reporters: [{ channel: intake.channel, sourceRef: intake.sourceRef, reporterRef: intake.reporterRef, reportedAt: now }],
      registeredAt: now,
      correlationId: intake.correlationId,
    };
    await this.store(doc);
    await this.announceManualQueue(doc);
    await this.startWorkflow(doc, intake.traceparent);
    return { ...doc, merged: false };
  }

  /** The source was seen before: finish what may have been interrupted, then answer with the same case. */
  private async resume(source: CaseSourceDoc, intake: CaseIntake): Promise<RegisteredCase> {
    const found = await this.cases.findById(source.caseNumber).lean();
    if (!found) throw new Error(`case ${source.caseNumber} of ${source._id} is missing; redelivery will retry`);
    if (source.merged) {
      await this.addReporter(found._id, intake);
      return { ...found, merged: true };
    }
    await this.announceManualQueue(found);
    await this.startWorkflow(found, intake.traceparent);
    return { ...found, merged: false };
  }

  private async merge(sourceKey: string, intake: CaseIntake, master: CaseDoc, distance: number): Promise<RegisteredCase> {
    const caseNumber = await this.claimSource(sourceKey, master._id, true);
    await this.addReporter(caseNumber, intake);
    await this.publisher.publish(duplicateMergedV1, {
      id: `merged:${sourceKey}`,
      key: caseNumber,
      correlationId: intake.correlationId,
      data: { masterCaseNumber: caseNumber, channel: intake.channel, sourceRef: intake.sourceRef, reporterRef: intake.reporterRef, distanceMeters: Math.round(distance) },
    });
    const updated = await this.cases.findById(caseNumber).lean();
    return { ...(updated ?? master), merged: true };
  }

  /** Records which case a source became; a concurrent delivery that claimed it first wins. */
  private async claimSource(sourceKey: string, caseNumber: string, merged: boolean): Promise<string> {
    try {
      await this.sources.create({ _id: sourceKey, caseNumber, merged, at: new Date() });
      return caseNumber;
    } catch (error) {
      if ((error as { code?: number }).code !== DUPLICATE_KEY) throw error;
      const winner = await this.sources.findById(sourceKey).lean();
      if (!winner) throw error;
      return winner.caseNumber;
    }
  }

  private async store(doc: CaseDoc): Promise<void> {
    try {
      await this.cases.create(doc);
    } catch (error) {
      if ((error as { code?: number }).code !== DUPLICATE_KEY) throw error; // stored by an earlier attempt
    }
  }

  /** Single-document update: the reporter joins the master case once, however often the report is redelivered. */
  private async addReporter(caseNumber: string, intake: CaseIntake): Promise<void> {
    const reporter = { channel: intake.channel, sourceRef: intake.sourceRef, reporterRef: intake.reporterRef, reportedAt: new Date() };
    await this.cases.updateOne({ _id: caseNumber, 'reporters.sourceRef': { $ne: intake.sourceRef } }, { $push: { reporters: reporter } });
  }

  private async announceManualQueue(doc: CaseDoc): Promise<void> {
    if (doc.status !== 'manual-queue') return;
    await this.publisher.publish(manualDispatchQueuedV1, {
      id: `manual-queue:${doc._id}`,
      key: doc._id,
      correlationId: doc.correlationId,
      data: { caseNumber: doc._id, reason: (doc.manualQueueReason ?? 'no-location') as 'no-location' },
    });
  }

  private async startWorkflow(doc: CaseDoc, traceparent?: string): Promise<void> {
    const input: CaseWorkflowInput = {
      caseNumber: doc._id,
      channel: doc.channel as Channel,
      sourceRef: doc.sourceRef,
      requestType: doc.requestType as RequestType,
      urgency: doc.urgency as Urgency,
      priority: doc.priority as Urgency,
      categoryCode: doc.categoryCode,
      slaProfile: doc.slaProfile,
      department: doc.department,
      isDispute: doc.isDispute,
      intakeStatus: doc.status,
      routing: doc.routing
        ? { gridId: doc.routing.gridId, communityId: doc.routing.communityId, streetId: doc.routing.streetId, districtId: doc.routing.districtId, orgPath: doc.orgPath }
        : undefined,
      registeredAt: doc.registeredAt.toISOString(),
      correlationId: doc.correlationId,
      traceparent,
      summary: caseSummary(doc.content),
      ...(doc.answeredDirectly ? { directAnswer: doc.answeredDirectly.answer } : {}),
    };
    try {
      await this.temporal.workflow.start(CASE_WORKFLOW_TYPE, { workflowId: doc._id, taskQueue: this.config.CASE_TASK_QUEUE, args: [input] });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      this.logger.debug(`workflow ${doc._id} already started`);
    }
  }
}

/** 受理摘要: the citizen's words in a line, as handlers see them in their lists (the full text stays in intake). */
export function caseSummary(content: string): string {
  const line = content.replace(/\s+/g, ' ').trim();
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
}
