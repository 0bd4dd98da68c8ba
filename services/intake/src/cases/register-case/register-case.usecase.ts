import { Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { Model } from 'mongoose';
import { Channel, GeoPoint, RequestType, Urgency } from '@civicflow/contracts';
import { CASE_TASK_QUEUE, CASE_WORKFLOW_TYPE, CaseWorkflowInput } from '@civicflow/workflows';
import { CASE_MODEL, CaseDoc } from '../case.schema';
import { CaseNumberAllocator } from '../case-number.allocator';

export interface CaseIntake {
  channel: Channel;
  sourceRef: string;
  requestType: RequestType;
  urgency: Urgency;
  categoryCode?: string;
  content: string;
  address?: string;
  location?: GeoPoint;
  correlationId: string;
  traceparent?: string;
}

const DUPLICATE_KEY = 11000;

/**
 * 受理: one case per source (call, report, request), then its workflow — started with workflow id = case number,
 * so a redelivered event finds the same case and the same workflow, never a second one.
 */
@Injectable()
export class RegisterCaseUseCase {
  private readonly logger = new Logger(RegisterCaseUseCase.name);

  constructor(
    @InjectModel(CASE_MODEL) private readonly cases: Model<CaseDoc>,
    private readonly numbers: CaseNumberAllocator,
    private readonly temporal: Client,
  ) {}

  async execute(intake: CaseIntake): Promise<CaseDoc> {
    const registered = await this.findOrCreate(intake);
    await this.startWorkflow(registered, intake.traceparent);
    return registered;
  }

  private async findOrCreate(intake: CaseIntake): Promise<CaseDoc> {
    const sourceKey = `${intake.channel}:${intake.sourceRef}`;
    const existing = await this.cases.findOne({ sourceKey }).lean();
    if (existing) return existing;
    const registeredAt = new Date();
    const doc: CaseDoc = {
      _id: await this.numbers.next(registeredAt),
      sourceKey,
      channel: intake.channel,
      sourceRef: intake.sourceRef,
      requestType: intake.requestType,
      urgency: intake.urgency,
      categoryCode: intake.categoryCode,
      content: intake.content,
      address: intake.address,
      location: intake.location,
      registeredAt,
      correlationId: intake.correlationId,
    };
    try {
      await this.cases.create(doc);
      return doc;
    } catch (error) {
      // a concurrent delivery of the same source won the race: use its case
      if ((error as { code?: number }).code !== DUPLICATE_KEY) throw error;
      const winner = await this.cases.findOne({ sourceKey }).lean();
      if (!winner) throw error;
      return winner;
    }
  }

  private async startWorkflow(doc: CaseDoc, traceparent?: string): Promise<void> {
    const input: CaseWorkflowInput = {
      caseNumber: doc._id,
      channel: doc.channel as Channel,
      sourceRef: doc.sourceRef,
      requestType: doc.requestType as RequestType,
      urgency: doc.urgency as Urgency,
      categoryCode: doc.categoryCode,
      registeredAt: doc.registeredAt.toISOString(),
      correlationId: doc.correlationId,
      traceparent,
    };
    try {
      await this.temporal.workflow.start(CASE_WORKFLOW_TYPE, { workflowId: doc._id, taskQueue: CASE_TASK_QUEUE, args: [input] });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      this.logger.debug(`workflow ${doc._id} already started`);
    }
  }
}
