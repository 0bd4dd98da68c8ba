import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { CommitteeDoc, MediatorDoc } from './committee';
import { COMMITTEE_MODEL, MEDIATOR_MODEL } from './committee.schema';

@Injectable()
export class MediatorStore {
  constructor(
    @InjectModel(COMMITTEE_MODEL) readonly committees: Model<CommitteeDoc>,
    @InjectModel(MEDIATOR_MODEL) readonly mediators: Model<MediatorDoc>,
  ) {}

  committee(committeeId: string): Promise<CommitteeDoc | null> {
    return this.committees.findById(committeeId).lean<CommitteeDoc>().exec();
  }

  mediator(mediatorId: string): Promise<MediatorDoc | null> {
    return this.mediators.findById(mediatorId).lean<MediatorDoc>().exec();
  }

  members(committeeId: string): Promise<MediatorDoc[]> {
    return this.mediators.find({ committeeId, active: true }).lean<MediatorDoc[]>().exec();
  }

  /**
   * Takes the mediator's diary (调解日程) forward one revision if nobody else did since `revision` was read: the
   * guard that makes "check for overlaps, then add a session" safe across the mediator's disputes.
   */
  async advanceDiary(mediatorId: string, revision: number): Promise<boolean> {
    const result = await this.mediators.collection.updateOne({ _id: mediatorId as never, diaryRevision: revision }, { $set: { diaryRevision: revision + 1 } });
    return result.matchedCount === 1;
  }
}
