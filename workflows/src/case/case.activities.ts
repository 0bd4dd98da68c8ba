import { caseRegisteredV1 } from '@civicflow/contracts';
import type { EventPublisher } from '@civicflow/platform';
import type { CaseWorkflowInput } from './case.contract';

export interface CaseActivityDeps {
  publisher: Pick<EventPublisher, 'publish'>;
}

/**
 * Activities of the case workflow, built from their dependencies so tests can wire real or fake ones.
 * Event ids are derived from the case number and the transition, so an activity retry never makes a second event.
 */
export function createCaseActivities({ publisher }: CaseActivityDeps) {
  return {
    async publishCaseRegistered(input: CaseWorkflowInput): Promise<string> {
      const event = await publisher.publish(caseRegisteredV1, {
        id: `${input.caseNumber}:registered`,
        key: input.caseNumber,
        correlationId: input.correlationId,
        traceparent: input.traceparent,
        data: {
          caseNumber: input.caseNumber,
          channel: input.channel,
          sourceRef: input.sourceRef,
          requestType: input.requestType,
          urgency: input.urgency,
          categoryCode: input.categoryCode,
          priority: input.priority,
          intakeStatus: input.intakeStatus,
          orgPath: input.routing?.orgPath,
          registeredAt: input.registeredAt,
        },
      });
      return event.id;
    },
  };
}

export type CaseActivities = ReturnType<typeof createCaseActivities>;
