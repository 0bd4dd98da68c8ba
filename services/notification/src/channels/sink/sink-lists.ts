import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { idOfOrderedMember, MemberListDoc, memberListSchema, orderedMember } from '@civicflow/platform';
import { SINK_MESSAGE_MODEL, SinkMessageDoc } from './sink-message.schema';

export const SINK_LIST_MODEL = 'SinkList';
export const sinkListSchema = memberListSchema('sink_lists');

/** The sink's messages of one case: one document by the case number, members `<at ISO>|<delivery id>`. */
export const sinkListKey = (caseNumber: string) => `case:${caseNumber}`;
export const sinkMember = (message: Pick<SinkMessageDoc, '_id' | 'at'>) => orderedMember(message.at, message._id);

/**
 * The local sink's messages by case, read by `_id`: the case's list (kept by the sink, its only writer) names the
 * messages, each then read by `_id` — a filter on the case number would decode every message of every case on
 * FerretDB. A case has a handful of messages, so its list is one document.
 */
@Injectable()
export class SinkLists {
  constructor(
    @InjectModel(SINK_LIST_MODEL) private readonly lists: Model<MemberListDoc>,
    @InjectModel(SINK_MESSAGE_MODEL) private readonly messages: Model<SinkMessageDoc>,
  ) {}

  /** Files a stored message under its case (again after a retried delivery: idempotent). */
  async file(message: Pick<SinkMessageDoc, '_id' | 'at' | 'caseNumber'>): Promise<void> {
    if (!message.caseNumber) return;
    await this.lists.updateOne({ _id: sinkListKey(message.caseNumber) }, { $addToSet: { members: sinkMember(message) } }, { upsert: true }).exec();
  }

  /** The case's messages in the order they were recorded (at most `limit`, of the channel if given). */
  async ofCase(caseNumber: string, limit: number, channel?: string): Promise<SinkMessageDoc[]> {
    const members = ((await this.lists.findById(sinkListKey(caseNumber)).lean<MemberListDoc>().exec())?.members ?? []).sort();
    const found = await Promise.all(members.map((m) => this.messages.findById(idOfOrderedMember(m)).lean<SinkMessageDoc>().exec()));
    return found.filter((m): m is SinkMessageDoc => m !== null && m.caseNumber === caseNumber && (!channel || m.channel === channel)).slice(0, limit);
  }
}
