import { ConflictException, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AuthUser } from '@civicflow/platform';
import { MediatorStore } from '../../committees/mediator.store';
import { DisputeDoc } from '../../disputes/dispute';
import { DisputeStore } from '../../disputes/dispute.store';
import { invalidFields, refused } from '../../shared/http-errors';
import { scheduleSessionUpdate } from '../../workflow/mediation-contract';
import { actorOf, MediationWorkflows } from '../../workflow/mediation-workflows';
import { findOverlap } from '@civicflow/domain';
import { reachablePartyRefs } from '../../parties/parties';
import { PartyRegister } from '../../parties/party-register';
import { sessionTimeErrors, SessionDoc } from '../session';
import { SessionStore } from '../session.store';

export interface ScheduleSessionInput {
  startsAt: string;
  endsAt: string;
  place: string;
  attendeeIds: string[];
  consultation: boolean;
}

const DIARY_ATTEMPTS = 3;

/**
 * 安排调解: checks the times (400), the mediator's whole diary across their disputes (409 SESSION_OVERLAPS), writes
 * the session, then tells the workflow (its validator checks the dispute's own state; its timer sends reminders).
 * The diary check is made safe against a concurrent booking by the mediator's diary revision.
 */
@Injectable()
export class ScheduleSessionUseCase {
  constructor(private readonly sessions: SessionStore, private readonly mediators: MediatorStore, private readonly workflows: MediationWorkflows, private readonly parties: PartyRegister, private readonly disputes: DisputeStore) {}

  async execute(dispute: DisputeDoc, input: ScheduleSessionInput, user: AuthUser, now = new Date()): Promise<SessionDoc> {
    const errors = sessionTimeErrors(input.startsAt, input.endsAt, now);
    if (errors.length > 0) throw invalidFields(errors);
    if (!dispute.mediatorId) throw refused({ code: 'NO_MEDIATOR', zh: '尚未指派调解员，不能安排调解', en: 'no mediator has been assigned yet' });
    const span = { startsAt: Date.parse(input.startsAt), endsAt: Date.parse(input.endsAt) };
    const session: SessionDoc = {
      _id: `s-${randomUUID()}`, disputeId: dispute._id, mediatorId: dispute.mediatorId, startsAt: new Date(span.startsAt), endsAt: new Date(span.endsAt),
      place: input.place, attendeeIds: input.attendeeIds, consultation: input.consultation, status: 'pending', minutesSummary: null, draftMinutes: null,
      consultationRecord: null, reminded: false, scheduledBy: user.userId, createdAt: now, heldRecordedAt: null,
    };

    for (let attempt = 1; ; attempt++) {
      const mediator = await this.mediators.mediator(dispute.mediatorId);
      const revision = mediator?.diaryRevision ?? 0;
      const clash = findOverlap(await this.sessions.diary(dispute.mediatorId, new Date(span.startsAt)), { sessionId: session._id, mediatorId: dispute.mediatorId, ...span });
      if (clash) {
        const other = await this.sessions.sessions.findById(clash.sessionId, { disputeId: 1, startsAt: 1, endsAt: 1 }).lean<SessionDoc>();
        throw refused({
          code: 'SESSION_OVERLAPS',
          zh: `调解员 ${dispute.mediatorId} 在该时段已有调解安排（纠纷 ${other?.disputeId ?? '?'}，${other ? new Date(other.startsAt).toISOString() : ''}）`,
          en: `mediator ${dispute.mediatorId} already has session ${clash.sessionId} then (dispute ${other?.disputeId ?? '?'})`,
        });
      }
      await this.sessions.sessions.collection.insertOne(session as never);
      if (!mediator || (await this.mediators.advanceDiary(mediator._id, revision))) break;
      // someone booked this mediator meanwhile: take ours back and look again
      await this.sessions.sessions.deleteOne({ _id: session._id });
      if (attempt >= DIARY_ATTEMPTS) throw refused({ code: 'DIARY_BUSY', zh: '调解员日程正在被修改，请重试', en: 'the mediator’s diary is being changed; retry' });
    }

    // the attendees who are parties with a phone, by their directory ref: the notification service texts them
    const partyRefs = reachablePartyRefs(dispute._id, await this.parties.partiesOf(dispute._id), session.attendeeIds);
    let view;
    try {
      view = await this.workflows.update(dispute._id, scheduleSessionUpdate, {
        actor: actorOf(user), sessionId: session._id, startsAt: session.startsAt.toISOString(), endsAt: session.endsAt.toISOString(),
        place: session.place, attendeeIds: session.attendeeIds, consultation: session.consultation, ...(partyRefs.length > 0 ? { partyRefs } : {}),
      }, `schedule:${session._id}`);
    } catch (error) {
      // refused by the dispute's state: it was never scheduled. An outage leaves it pending; the event confirms it.
      if (error instanceof ConflictException) await this.sessions.sessions.deleteOne({ _id: session._id });
      throw error;
    }
    // scheduled once the workflow's mediation.session-scheduled is projected onto the stored session
    await this.disputes.whenProjected(dispute._id, view.lastSequence);
    return (await this.sessions.find(dispute._id, session._id)) ?? session;
  }
}
