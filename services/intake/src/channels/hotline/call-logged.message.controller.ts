import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { callLoggedV1, EventData, EventEnvelope } from '@civicflow/contracts';
import { RegisterReportUseCase } from '../../reports/register-report/register-report.usecase';

/** 12345 来电 → 案件: the hotline's calls become cases. */
@Controller()
export class CallLoggedMessageController {
  constructor(private readonly registerReport: RegisterReportUseCase) {}

  @EventPattern(callLoggedV1.type)
  async onCallLogged(@Payload() event: EventEnvelope<EventData<typeof callLoggedV1>>): Promise<void> {
    const call = event.data;
    await this.registerReport.execute({
      channel: 'hotline',
      sourceRef: call.callId,
      requestType: call.requestType,
      urgency: call.urgency,
      categoryCode: call.categoryCode,
      content: call.content,
      address: call.address,
      location: call.location,
      reporterRef: call.callerRef,
      answeredDirectly: call.answeredDirectly,
      joinCaseNumber: call.joinCaseNumber,
      correlationId: event.correlationId,
      traceparent: event.traceparent,
    });
  }
}
