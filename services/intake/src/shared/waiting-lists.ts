import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { MemberListDoc, memberListSchema, orderedMember, OrderedLists } from '@civicflow/platform';

export const WAITING_LIST_MODEL = 'WaitingList';
export const waitingListSchema = memberListSchema('waiting_lists');

/** The lists of what waits for a person in intake: the dispatch queue (人工派单) and the unregistered reports (未成案). */
export const waitingListKey = { dispatch: 'dispatch-queue', unregistered: 'unregistered-reports' } as const;
export type WaitingListKey = (typeof waitingListKey)[keyof typeof waitingListKey];

/** An entry's place in its list: since when it waits, then its `_id`. */
export const waitingMember = (since: Date, id: string) => orderedMember(since, id);

/**
 * A queue of entries (documents by `_id`) listed longest waiting first through an ordered list kept beside them, so
 * a page is read by `_id` — the list's documents, then the page's entries — instead of `find({})` over the whole
 * queue (on FerretDB every document of the collection decoded, however few the page shows). The entry is the
 * truth: a member whose entry is gone or waits since another time is skipped (a crash between the writes).
 */
@Injectable()
export class WaitingLists {
  private readonly ordered: OrderedLists;

  constructor(@InjectModel(WAITING_LIST_MODEL) lists: Model<MemberListDoc>) {
    this.ordered = new OrderedLists(lists);
  }

  /**
   * Puts an entry in its list at `since`, before `write` stores it; a place it held before (it waited since another
   * time) is left after. `before` is the stored entry's `since`, if there was one.
   */
  async put(key: WaitingListKey, id: string, since: Date, before: Date | undefined, write: () => Promise<unknown>): Promise<void> {
    const member = waitingMember(since, id);
    await this.ordered.enter(key, member);
    await write();
    if (before && waitingMember(before, id) !== member) await this.ordered.leave(key, waitingMember(before, id));
  }

  /** Takes an entry out after `remove` deleted it (`since`: when it began to wait). */
  async take(key: WaitingListKey, id: string, since: Date, remove: () => Promise<unknown>): Promise<void> {
    await remove();
    await this.ordered.leave(key, waitingMember(since, id));
  }

  /** How many wait, and the first `limit` of them, longest waiting first; `read` gives the entry a member names. */
  async page<T extends { _id: string }>(key: WaitingListKey, limit: number, read: (id: string) => Promise<T | null>, sinceOf: (entry: T) => Date): Promise<{ total: number; entries: T[] }> {
    const entryOf = async (member: string) => {
      const entry = await read(member.slice(member.indexOf('|') + 1));
      return entry && waitingMember(sinceOf(entry), entry._id) === member ? entry : undefined;
    };
    const [total, entries] = await Promise.all([this.ordered.size(key), this.ordered.first(key, limit, entryOf)]);
    return { total, entries };
  }
}
