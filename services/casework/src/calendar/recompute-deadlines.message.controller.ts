import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { calendarYearPublishedV1, EventData, EventEnvelope } from '@civicflow/contracts';
import { CONFIG } from '@civicflow/platform';
import { CALENDAR_RECOMPUTE_WORKFLOW_TYPE, type CalendarRecomputeInput, calendarRecomputeWorkflowId } from '@civicflow/workflows';
import type { CaseworkConfig } from '../config';

type YearPublished = EventEnvelope<EventData<typeof calendarYearPublishedV1>>;

/**
 * 时限重算: a year's holiday arrangement was entered or corrected in grid's calendar administration; every running
 * case whose clocks touch the year must compute its deadlines again, inside its own workflow. This starts the
 * durable fan-out (calendarRecomputeWorkflow: a visibility query on CalendarYears, a calendarChanged signal to
 * each case), one per calendar version — a redelivered event finds it started and does nothing more.
 */
@Controller()
export class RecomputeDeadlinesMessageController {
  constructor(
    private readonly temporal: Client,
    @Inject(CONFIG) private readonly config: CaseworkConfig,
  ) {}

  @EventPattern(calendarYearPublishedV1.type)
  async onYearPublished(@Payload() event: YearPublished): Promise<void> {
    const input: CalendarRecomputeInput = { year: event.data.year, version: event.data.calendarVersion };
    try {
      await this.temporal.workflow.start(CALENDAR_RECOMPUTE_WORKFLOW_TYPE, {
        workflowId: calendarRecomputeWorkflowId(input.version),
        taskQueue: this.config.CASE_TASK_QUEUE,
        args: [input],
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
  }
}
