import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { randomUUID } from 'node:crypto';
import { AuthUser, CONFIG } from '@civicflow/platform';
import { MediationConfig } from '../config';
import { caseStatusQuery, MEDIATION_WORKFLOW_TYPE, MediationActor, MediationView, MediationWorkflowInput, mediationStatusQuery, mediationWorkflowId } from './mediation-contract';
import { toHttpError } from './workflow-errors';

/** The service itself, when it assigns by workload (no signed-in user). */
export const SYSTEM_ACTOR: MediationActor = { userId: 'mediation-service', role: 'system', unitId: 'system' };

export const actorOf = (user: AuthUser): MediationActor => ({ userId: user.userId, role: user.role, unitId: user.unitId });

/** Starts mediation workflows and sends them commands (Updates) on the worker's task queue. */
@Injectable()
export class MediationWorkflows {
  constructor(private readonly temporal: Client, @Inject(CONFIG) private readonly config: MediationConfig) {}

  /**
   * Whether a case may be linked to a dispute of this community: it exists and lies in the community (its
   * workflow's own view). The mediation will accept and resolve that case as the community's mediators, so a
   * case elsewhere in the city is never reachable this way.
   */
  async caseLiesIn(caseNumber: string, communityId: string): Promise<boolean> {
    try {
      const view = await this.temporal.workflow.getHandle(caseNumber).query(caseStatusQuery);
      return [view.communityId, view.currentUnit].includes(communityId);
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return false;
      throw error;
    }
  }

  /** Idempotent: the workflow id is the dispute's, so a second start of the same dispute is a no-op. */
  async start(input: MediationWorkflowInput): Promise<void> {
    try {
      await this.temporal.workflow.start(MEDIATION_WORKFLOW_TYPE, {
        workflowId: mediationWorkflowId(input.disputeId),
        taskQueue: this.config.CASE_TASK_QUEUE,
        args: [{ limitDays: this.config.MEDIATION_LIMIT_DAYS, reminderLeadMs: this.config.MEDIATION_REMINDER_LEAD_MS, ...input }],
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
  }

  /**
   * Sends one Update; the refusal of its validator becomes 409 with the domain's reason. `updateId` makes a retried
   * request the same Update (Temporal deduplicates by it).
   */
  async update<A extends { actor: MediationActor }>(disputeId: string, update: UpdateDefinition<MediationView, [A]>, args: A, updateId: string = randomUUID()): Promise<MediationView> {
    try {
      return await this.temporal.workflow.getHandle(mediationWorkflowId(disputeId)).executeUpdate(update, { args: [args], updateId });
    } catch (error) {
      throw toHttpError(error, disputeId);
    }
  }

  async status(disputeId: string): Promise<MediationView> {
    try {
      return await this.temporal.workflow.getHandle(mediationWorkflowId(disputeId)).query(mediationStatusQuery);
    } catch (error) {
      throw toHttpError(error, disputeId);
    }
  }
}
