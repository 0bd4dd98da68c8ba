import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { SessionSlot } from '@civicflow/domain';
import { SessionDoc } from './session';
import { SESSION_MODEL } from './session.schema';

@Injectable()
export class SessionStore {
  constructor(@InjectModel(SESSION_MODEL) readonly sessions: Model<SessionDoc>) {}

  /** The mediator's sessions (all their disputes) still to come or under way after `from`. */
  async diary(mediatorId: string, from: Date): Promise<SessionSlot[]> {
    const found = await this.sessions.find({ mediatorId, endsAt: { $gt: from } }, { startsAt: 1, endsAt: 1, status: 1 }).lean<Pick<SessionDoc, '_id' | 'startsAt' | 'endsAt'>[]>();
    return found.map((s) => ({ sessionId: s._id, mediatorId, startsAt: new Date(s.startsAt), endsAt: new Date(s.endsAt) }));
  }

  find(disputeId: string, sessionId: string): Promise<SessionDoc | null> {
    return this.sessions.findOne({ _id: sessionId, disputeId }).lean<SessionDoc>().exec();
  }

  ofDispute(disputeId: string): Promise<SessionDoc[]> {
    return this.sessions.find({ disputeId }).sort({ startsAt: 1 }).lean<SessionDoc[]>().exec();
  }
}
