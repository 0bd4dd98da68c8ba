import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import { CONFIG, InfraConfig } from '@civicflow/platform';
import { CASE_WORKFLOW_TYPE, CaseWorkflowInput } from '@civicflow/workflows';
import { intakeStatusOf, ReportDoc, sourceKeyOf } from '../report.schema';

/** The memo every case workflow started by intake carries: the report it was started for. */
export interface CaseWorkflowMemo {
  source: string;
}

export type StartOutcome = { started: true } | { started: false; owner: string };

/**
 * Starts the case workflow of a report (workflow id = case number). A workflow of that id already running or run
 * is ours when it was started for this report (an earlier attempt, another intake process); otherwise the number is
 * another report's — a database restored behind Temporal — and the caller must claim another: two reports never
 * share a case.
 */
@Injectable()
export class CaseWorkflowStarter {
  constructor(private readonly temporal: Client, @Inject(CONFIG) private readonly config: InfraConfig) {}

  async start(report: ReportDoc & { caseNumber: string }): Promise<StartOutcome> {
    const memo: CaseWorkflowMemo = { source: report._id };
    try {
      await this.temporal.workflow.start(CASE_WORKFLOW_TYPE, {
        workflowId: report.caseNumber,
        taskQueue: this.config.CASE_TASK_QUEUE,
        args: [caseWorkflowInputOf(report)],
        memo: { ...memo },
      });
      return { started: true };
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      const owner = await this.ownerOf(report.caseNumber);
      return owner === report._id ? { started: true } : { started: false, owner };
    }
  }

  /** Whose report the workflow of this number was started for: its memo, else (older workflows) its input. */
  private async ownerOf(caseNumber: string): Promise<string> {
    const handle = this.temporal.workflow.getHandle(caseNumber);
    const description = await handle.describe();
    const source = (description.memo as Partial<CaseWorkflowMemo> | undefined)?.source;
    if (typeof source === 'string') return source;
    if (description.type !== CASE_WORKFLOW_TYPE) return `workflow:${description.type}`;
    const history = await handle.fetchHistory();
    const payload = history.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0];
    const input = payload ? defaultPayloadConverter.fromPayload<Partial<CaseWorkflowInput>>(payload) : undefined;
    return input?.channel && input.sourceRef ? sourceKeyOf(input.channel, input.sourceRef) : `workflow:${caseNumber}`;
  }
}

/** What the case workflow starts from: the report as intake classified and routed it. */
export function caseWorkflowInputOf(report: ReportDoc & { caseNumber: string }): CaseWorkflowInput {
  return {
    caseNumber: report.caseNumber,
    channel: report.channel,
    sourceRef: report.sourceRef,
    requestType: report.requestType,
    urgency: report.urgency,
    priority: report.priority,
    categoryCode: report.categoryCode,
    slaProfile: report.slaProfile,
    department: report.department,
    isDispute: report.isDispute,
    intakeStatus: intakeStatusOf(report),
    routing: report.routing
      ? { gridId: report.routing.gridId, communityId: report.routing.communityId, streetId: report.routing.streetId, districtId: report.routing.districtId, orgPath: report.routing.orgPath }
      : undefined,
    registeredAt: report.receivedAt.toISOString(),
    correlationId: report.correlationId,
    traceparent: report.traceparent,
    summary: caseSummary(report.content),
    ...(report.address || report.location ? { place: { ...(report.address ? { address: report.address } : {}), ...(report.location ? { location: { lng: report.location.lng, lat: report.location.lat } } : {}) } } : {}),
    ...(report.answeredDirectly ? { directAnswer: report.answeredDirectly.answer } : {}),
  };
}

/** 受理摘要: the citizen's words in a line, as handlers see them in their lists (the full text stays in intake). */
export function caseSummary(content: string): string {
  const line = content.replace(/\s+/g, ' ').trim();
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
}
