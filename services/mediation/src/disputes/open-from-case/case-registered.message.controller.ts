import { Controller, Logger } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { EventEnvelope } from '@civicflow/contracts';
import { OrgUnits } from '../../committees/org-units';
import { OpenDisputeUseCase } from '../open-dispute/open-dispute.usecase';
import { decideDisputeFromCase } from './decide-dispute-from-case';

/** 来自12345/受理的纠纷: a registered case in a dispute category, routed to a community, becomes a dispute there. */
@Controller()
export class CaseRegisteredMessageController {
  private readonly logger = new Logger(CaseRegisteredMessageController.name);

  constructor(private readonly open: OpenDisputeUseCase, private readonly org: OrgUnits) {}

  @EventPattern('case.registered')
  async onCaseRegistered(@Payload() event: EventEnvelope): Promise<void> {
    const decision = decideDisputeFromCase(event, this.org);
    if (!decision.open) return;
    const { created, assignment } = await this.open.execute({ ...decision.command, correlationId: event.correlationId, at: new Date() });
    this.logger.log(`${created ? '纠纷立案' : '纠纷已存在'} dispute ${decision.command.disputeId} from case ${decision.command.caseNumber}: ${assignment.assigned ? `mediator ${assignment.mediatorId}` : assignment.reason}`);
  }
}
