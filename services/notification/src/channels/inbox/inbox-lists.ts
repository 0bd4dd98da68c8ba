import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { idOfOrderedMember, MemberListDoc, memberListSchema, orderedListKey, orderedMember, OrderedLists } from '@civicflow/platform';
import { INBOX_ITEM_MODEL, InboxItemDoc } from './inbox-item.schema';

export const INBOX_LIST_MODEL = 'InboxList';
export const inboxListSchema = memberListSchema('inbox_lists');

/**
 * Where a user's items are listed, each an ordered list (one document per day and a directory of the days): every
 * item, and the unread ones — whose days are pruned as they are read, so a count reads the days still unread.
 */
export const inboxListKey = {
  items: (userId: string) => `items:${userId}`,
  unread: (userId: string) => `unread:${userId}`,
};

/** An item as a member of its user's lists: `<createdAt ISO>|<item id>`, so members sort in time order. */
export const inboxMember = (item: Pick<InboxItemDoc, '_id' | 'createdAt'>) => orderedMember(item.createdAt, item._id);

/**
 * 站内信 read by `_id` only: FerretDB 1.24 decodes every stored document for a filter on anything but `_id`, so a
 * user's inbox, its unread count, mark-all-read and the live stream's poll were scans of every user's items. The
 * inbox channel (the only writer of items) keeps each user's lists beside the items: all items and the unread ones,
 * each in time order (OrderedLists, one document per day). No document grows without bound: a day's holds one
 * user's items of that day, and a user who never reads adds one unread day a day, not one entry per item to a single
 * document (a 16 MB document was a supervisor's whole unread history). A day whose unread items are all read is
 * deleted and leaves the directory, so the unread count reads the directory and the days still unread. A member
 * whose item is missing (a crash between the writes) is skipped on reading; the item document stays the truth
 * (`read`), the lists only say where to look.
 */
@Injectable()
export class InboxLists {
  private readonly ordered: OrderedLists;

  constructor(
    @InjectModel(INBOX_LIST_MODEL) private readonly lists: Model<MemberListDoc>,
    @InjectModel(INBOX_ITEM_MODEL) private readonly items: Model<InboxItemDoc>,
  ) {
    this.ordered = new OrderedLists(lists);
  }

  /** Files a stored item under its user (again after a retried delivery: every write is idempotent). */
  async file(item: InboxItemDoc): Promise<void> {
    const member = inboxMember(item);
    await Promise.all([
      this.ordered.enter(inboxListKey.items(item.userId), member),
      item.read ? Promise.resolve() : this.ordered.enterInOrder(inboxListKey.unread(item.userId), member),
    ]);
  }

  /** The user's newest items (only the unread ones if asked), newest first. */
  async newest(userId: string, limit: number, unreadOnly: boolean): Promise<InboxItemDoc[]> {
    if (unreadOnly) {
      return this.ordered.last(inboxListKey.unread(userId), limit, async (m) => {
        const item = await this.item(userId, idOfOrderedMember(m));
        return item && !item.read ? item : undefined;
      });
    }
    return this.ordered.last(inboxListKey.items(userId), limit, (m) => this.item(userId, idOfOrderedMember(m)));
  }

  /** How many of the user's items are unread: the sizes of the days still unread. */
  unreadCount(userId: string): Promise<number> {
    return this.ordered.size(inboxListKey.unread(userId));
  }

  /** Items filed after `member` (oldest first, at most `limit`): the live stream's poll, two point reads when nothing is new. */
  after(userId: string, member: string, limit: number): Promise<InboxItemDoc[]> {
    return this.ordered.after(inboxListKey.items(userId), member, limit, (m) => this.item(userId, idOfOrderedMember(m)));
  }

  /**
   * One of the user's items read (the first reading counts: read again, it keeps its readAt); it leaves the unread
   * list after the item says so. Undefined when the user has no such item.
   */
  async markRead(userId: string, itemId: string, now: Date): Promise<InboxItemDoc | undefined> {
    const marked = await this.items.findOneAndUpdate({ _id: itemId, userId, read: false }, { $set: { read: true, readAt: now } }, { new: true }).lean<InboxItemDoc>().exec();
    if (marked) await this.ordered.leaveAndPrune(inboxListKey.unread(userId), [inboxMember(marked)]);
    return marked ?? (await this.item(userId, itemId));
  }

  /**
   * Every unread item of the user read now, day by day from the oldest, one item by `_id` at a time, each day's
   * members then taken out of the list (and the emptied day pruned); how many.
   */
  async markAllRead(userId: string, now: Date): Promise<number> {
    const key = inboxListKey.unread(userId);
    let marked = 0;
    for (const day of (await this.memberIds(orderedListKey.days(key))).sort()) {
      const members = await this.memberIds(orderedListKey.day(key, day));
      for (const member of members) {
        const updated = await this.items.updateOne({ _id: idOfOrderedMember(member), userId, read: false }, { $set: { read: true, readAt: now } }).exec();
        marked += updated.modifiedCount;
      }
      if (members.length > 0) await this.ordered.leaveAndPrune(key, members);
    }
    return marked;
  }

  private async memberIds(listId: string): Promise<string[]> {
    return (await this.lists.findById(listId).lean<MemberListDoc>().exec())?.members ?? [];
  }

  /** The item, if it is stored and the user's (by `_id`). */
  private async item(userId: string, itemId: string): Promise<InboxItemDoc | undefined> {
    const found = await this.items.findById(itemId).lean<InboxItemDoc>().exec();
    return found && found.userId === userId ? found : undefined;
  }
}
