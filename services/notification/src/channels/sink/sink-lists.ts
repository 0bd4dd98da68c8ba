import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { MemberListDoc, memberListSchema } from '@civicflow/platform';
import { CaseIndex } from '../../cases/case-index';
import { SINK_MESSAGE_MODEL, SinkMessageDoc } from './sink-message.schema';

export const SINK_LIST_MODEL = 'SinkList';
export const sinkListSchema = memberListSchema('sink_lists');

/** The local sink's messages by case, read by `_id` through the case's list (kept by the sink, its only writer). */
@Injectable()
export class SinkLists {
  private readonly index: CaseIndex;

  constructor(
    @InjectModel(SINK_LIST_MODEL) lists: Model<MemberListDoc>,
    @InjectModel(SINK_MESSAGE_MODEL) private readonly messages: Model<SinkMessageDoc>,
  ) {
    this.index = new CaseIndex(lists);
  }

  /** Files a stored message under its case (again after a retried delivery: idempotent). */
  async file(message: Pick<SinkMessageDoc, '_id' | 'at' | 'caseNumber'>): Promise<void> {
    if (message.caseNumber) await this.index.add(message.caseNumber, message.at, message._id);
  }

  /** The case's messages in the order they were recorded (at most `limit`, of the channel if given). */
  async ofCase(caseNumber: string, limit: number, channel?: string): Promise<SinkMessageDoc[]> {
    const found = await Promise.all((await this.index.ids(caseNumber)).map((id) => this.messages.findById(id).lean<SinkMessageDoc>().exec()));
    return found.filter((m): m is SinkMessageDoc => m !== null && m.caseNumber === caseNumber && (!channel || m.channel === channel)).slice(0, limit);
  }
}
