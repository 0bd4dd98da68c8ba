import { Injectable } from '@nestjs/common';
import { AuthUser } from '@civicflow/platform';
import { DisputeDoc } from '../../disputes/dispute';
import { DisputeStore } from '../../disputes/dispute.store';
import { notFound, refused } from '../../shared/http-errors';
import { recordSessionUpdate } from '../../workflow/mediation-contract';
import { actorOf, MediationWorkflows } from '../../workflow/mediation-workflows';
import { consultationMinutes } from '../record-consultation/consultation-record.dto';
import { ConsultationRecord, SessionDoc } from '../session';
import { SessionStore } from '../session.store';

/**
 * 调解记录 (and the record of a 3+X consultation): kept as the session's draft first — what was entered is not lost —
 * then the workflow told (it refuses a session not yet started, or already recorded: 409). The session becomes
 * held by the workflow's mediation.session-held (the projector); the answer shows what the workflow said.
 */
@Injectable()
export class RecordSessionUseCase {
  constructor(private readonly sessions: SessionStore, private readonly workflows: MediationWorkflows, private readonly disputes: DisputeStore) {}

  async execute(dispute: DisputeDoc, sessionId: string, input: { minutesSummary: string; consultationRecord: ConsultationRecord | null }, user: AuthUser): Promise<SessionDoc> {
    const session = await this.sessions.find(dispute._id, sessionId);
    if (!session) throw notFound(`调解 ${sessionId} 不存在`, `session ${sessionId} not found in dispute ${dispute._id}`);
    if (input.consultationRecord && !session.consultation) {
      throw refused({ code: 'NOT_A_CONSULTATION', zh: `调解 ${sessionId} 不是3+X四方共议`, en: `session ${sessionId} was not scheduled as a 3+X consultation` });
    }
    if (session.status === 'held') throw refused({ code: 'SESSION_ALREADY_HELD', zh: `调解 ${sessionId} 已记录`, en: `session ${sessionId} has already been recorded` });
    const minutes = input.consultationRecord ? consultationMinutes(input.minutesSummary, input.consultationRecord) : input.minutesSummary;
    await this.sessions.sessions.updateOne({ _id: sessionId }, { $set: { draftMinutes: minutes, draftConsultationRecord: input.consultationRecord } });
    const view = await this.workflows.update(dispute._id, recordSessionUpdate, { actor: actorOf(user), sessionId, minutesSummary: minutes }, `minutes:${sessionId}`);
    // held once the workflow's mediation.session-held is projected onto the stored session
    await this.disputes.whenProjected(dispute._id, view.lastSequence);
    return (await this.sessions.find(dispute._id, sessionId)) ?? session;
  }
}
