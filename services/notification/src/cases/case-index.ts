import type { Model, mongo } from 'mongoose';
import { fileMembers, idOfOrderedMember, MemberListDoc, orderedMember } from '@civicflow/platform';

/** The list of a case's documents in one collection of lists: `_id` the case number, members `<time ISO>|<id>`. */
export const caseIndexKey = (caseNumber: string) => `case:${caseNumber}`;

/**
 * What a service keeps per case and reads by case (its deliveries, the sink's messages), found by `_id`: the writer
 * adds each document's id to its case's list, a reader reads the list and then each document by `_id` — a filter
 * on the case number would decode every document of every case on FerretDB. A case has tens of them, so its list
 * is one document.
 */
export class CaseIndex {
  constructor(private readonly lists: Model<MemberListDoc>) {}

  /** Adds a document (idempotent); call before writing it, so a crash leaves at most a member to skip. */
  async add(caseNumber: string, at: Date, id: string): Promise<void> {
    await this.lists.updateOne({ _id: caseIndexKey(caseNumber) }, { $addToSet: { members: orderedMember(at, id) } }, { upsert: true }).exec();
  }

  /**
   * The case's document ids in time order, each once: a document offered again later (a redelivered event plans its
   * deliveries anew, with a later time) also left a later member, and its first place is the one it was stored at.
   */
  async ids(caseNumber: string): Promise<string[]> {
    const list = await this.lists.findById(caseIndexKey(caseNumber)).lean<MemberListDoc>().exec();
    return [...new Set((list?.members ?? []).sort().map(idOfOrderedMember))];
  }
}

/** Files stored documents under their cases at once (a migration): one write per case. Idempotent. */
export async function fileByCase(lists: mongo.Collection<MemberListDoc>, entries: Iterable<{ caseNumber?: string; at: Date; id: string }>): Promise<{ documents: number; cases: number }> {
  const filed = [...entries].flatMap(({ caseNumber, at, id }) => (caseNumber ? [{ key: caseIndexKey(caseNumber), member: orderedMember(at, id) }] : []));
  return { documents: filed.length, cases: await fileMembers(lists, filed) };
}
