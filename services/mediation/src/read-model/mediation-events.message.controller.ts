import { Controller, Logger } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { eventCatalog, EventEnvelope } from '@civicflow/contracts';
import { AssignMediatorUseCase } from '../disputes/assign-mediator/assign-mediator.usecase';
import { DisputeStore } from '../disputes/dispute.store';
import { SessionStore } from '../sessions/session.store';
import { applyMediationEvent } from './mediation-projection';

/** Only what the event changed is written, never a whole (possibly stale) copy of the dispute. */
export function changedFields<T extends object>(current: T, next: T | undefined): Partial<T> | undefined {
  if (!next) return undefined;
  const changes: Partial<T> = {};
  for (const key of Object.keys(next) as (keyof T)[]) {
    if (JSON.stringify(current[key]) !== JSON.stringify(next[key])) changes[key] = next[key];
  }
  return Object.keys(changes).length > 0 ? changes : undefined;
}

/** Every mediation.* event of the catalog. */
export const MEDIATION_EVENT_TYPES = [...new Set(eventCatalog.filter((c) => c.type.startsWith('mediation.')).map((c) => c.type))];

/**
 * Keeps the disputes' read model (stage, level, mediator, dates) current from the workflow's events, marks sessions
 * scheduled / held / reminded, and answers 调解不成 at the community by assigning a street-centre mediator by
 * workload. Idempotent: the platform skips event ids it has processed, the reducer skips what it has applied.
 */
@Controller()
export class MediationEventsMessageController {
  private readonly logger = new Logger(MediationEventsMessageController.name);

  constructor(private readonly disputes: DisputeStore, private readonly sessions: SessionStore, private readonly assign: AssignMediatorUseCase) {}

  @EventPattern(MEDIATION_EVENT_TYPES)
  async onMediationEvent(@Payload() event: EventEnvelope): Promise<void> {
    const data = (event.data ?? {}) as { disputeId?: string; sessionId?: string; next?: string };
    const disputeId = data.disputeId ?? event.key;
    await this.disputes.mutate(disputeId, (doc) => changedFields(doc, applyMediationEvent(doc, event)));
    await this.onSession(event, data.sessionId);
    if (event.type === 'mediation.mediation-failed' && data.next === 'street-centre') {
      const outcome = await this.assign.execute(disputeId);
      this.logger.log(`转街道矛盾调解中心 dispute ${disputeId} to the street centre: ${outcome.assigned ? `mediator ${outcome.mediatorId}` : outcome.reason}`);
    }
  }

  private async onSession(event: EventEnvelope, sessionId: string | undefined): Promise<void> {
    if (!sessionId) return;
    if (event.type === 'mediation.session-scheduled') await this.sessions.sessions.updateOne({ _id: sessionId, status: 'pending' }, { $set: { status: 'scheduled' } });
    if (event.type === 'mediation.session-held') {
      // the workflow has the minutes (a restart between the Update and our write leaves the draft to promote)
      const found = await this.sessions.sessions.findById(sessionId, { draftMinutes: 1, status: 1 }).lean<{ draftMinutes: string | null; status: string }>();
      if (found && found.status !== 'held') await this.sessions.sessions.updateOne({ _id: sessionId }, { $set: { status: 'held', minutesSummary: (event.data as { minutesSummary?: string }).minutesSummary ?? found.draftMinutes, heldRecordedAt: new Date() } });
    }
    if (event.type === 'mediation.session-reminder') await this.sessions.sessions.updateOne({ _id: sessionId }, { $set: { reminded: true } });
  }
}
