import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { eventCatalog, EventEnvelope } from '@civicflow/contracts';
import { ProjectCaseEventUseCase } from './project-case-event.usecase';

/** Every case-lifecycle event type of the catalog (case.registered … case.closed). */
const CASE_EVENT_TYPES = [...new Set(eventCatalog.filter((c) => c.context === 'case' && c.kind === 'event').map((c) => c.type))];

/** 案件动态: the case workflow's events, projected into intake's view of its cases. */
@Controller()
export class CaseEventsMessageController {
  constructor(private readonly project: ProjectCaseEventUseCase) {}

  @EventPattern(CASE_EVENT_TYPES)
  async onCaseEvent(@Payload() event: EventEnvelope): Promise<void> {
    await this.project.execute(event);
  }
}
