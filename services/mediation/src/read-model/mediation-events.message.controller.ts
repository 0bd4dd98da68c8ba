import { Controller, Logger } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { EventEnvelope, MEDIATION_EVENT_TYPES } from '@civicflow/contracts';
import { MediatorStore } from '../committees/mediator.store';
import { AssignMediatorUseCase } from '../disputes/assign-mediator/assign-mediator.usecase';
import { DisputeDoc } from '../disputes/dispute';
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

/**
 * The projector — the one writer of the stored disputes: each mediation.* event of the workflow applied by the
 * reducer (created by mediation.dispute-opened), sessions marked scheduled / held / reminded, and 调解不成 at the
 * community answered by assigning a street-centre mediator by workload. Idempotent: the platform skips event ids
 * it has processed, the reducer skips what it has applied.
 */
@Controller()
export class MediationEventsMessageController {
  private readonly logger = new Logger(MediationEventsMessageController.name);

  constructor(
    private readonly disputes: DisputeStore,
    private readonly sessions: SessionStore,
    private readonly mediators: MediatorStore,
    private readonly assign: AssignMediatorUseCase,
  ) {}

  @EventPattern(MEDIATION_EVENT_TYPES)
  async onMediationEvent(@Payload() event: EventEnvelope): Promise<void> {
    const data = (event.data ?? {}) as { disputeId?: string; sessionId?: string; next?: string };
    const disputeId = data.disputeId ?? event.key;
    // the session first: a dispute whose lastSequence reached an event has everything that event changed
    await this.onSession(event, data.sessionId);
    await this.project(disputeId, event);
    if (event.type === 'mediation.mediation-failed' && data.next === 'street-centre') {
      const outcome = await this.assign.execute(disputeId);
      this.logger.log(`转街道矛盾调解中心 dispute ${disputeId} to the street centre: ${outcome.assigned ? `mediator ${outcome.mediatorId}` : outcome.reason}`);
    }
  }

  private async project(disputeId: string, event: EventEnvelope): Promise<void> {
    const signer = event.type === 'mediation.agreement-reached' && event.actor ? await this.mediators.mediator(event.actor.userId) : null;
    const lookups = { nameOf: (userId: string) => (signer?._id === userId ? signer.name : undefined) };
    const current = await this.disputes.findById(disputeId);
    if (!current) {
      const opened = applyMediationEvent(null, event, lookups);
      if (opened) await this.disputes.insert({ ...opened, revision: 1 });
      else this.logger.warn(`纠纷 ${disputeId} 尚无立案事件，跳过 ${event.type} no dispute-opened seen for ${disputeId}`);
      return;
    }
    await this.disputes.mutate(disputeId, (doc: DisputeDoc) => changedFields(doc, applyMediationEvent(doc, event, lookups)));
  }

  private async onSession(event: EventEnvelope, sessionId: string | undefined): Promise<void> {
    if (!sessionId) return;
    if (event.type === 'mediation.session-scheduled') await this.sessions.sessions.updateOne({ _id: sessionId, status: 'pending' }, { $set: { status: 'scheduled' } });
    if (event.type === 'mediation.session-held') {
      // the workflow has the minutes; the record entered with them (a 3+X consultation's) is promoted with them
      const found = await this.sessions.sessions.findById(sessionId, { draftMinutes: 1, draftConsultationRecord: 1, status: 1 }).lean<{ draftMinutes: string | null; draftConsultationRecord?: unknown; status: string }>();
      if (found && found.status !== 'held') {
        await this.sessions.sessions.updateOne({ _id: sessionId }, {
          $set: {
            status: 'held',
            minutesSummary: (event.data as { minutesSummary?: string }).minutesSummary ?? found.draftMinutes,
            ...(found.draftConsultationRecord ? { consultationRecord: found.draftConsultationRecord } : {}),
            heldRecordedAt: new Date(),
          },
        });
      }
    }
    if (event.type === 'mediation.session-reminder') await this.sessions.sessions.updateOne({ _id: sessionId }, { $set: { reminded: true } });
  }
}
