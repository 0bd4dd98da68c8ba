import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { idOfOrderedMember, MemberListDoc, memberListSchema, orderedMember, OrderedLists } from '@civicflow/platform';
import { INBOX_ITEM_MODEL, InboxItemDoc } from './inbox-item.schema';

export const INBOX_LIST_MODEL = 'InboxList';
export const inboxListSchema = memberListSchema('inbox_lists');

/** Where a user's items are listed: every item in time order (an ordered list), and the unread ones (one set document). */
export const inboxListKey = {
  items: (userId: string) => `items:${userId}`,
  unread: (userId: string) => `unread:${userId}`,
};

/** An item as a member of its user's lists: `<createdAt ISO>|<item id>`, so members sort in time order. */
export const inboxMember = (item: Pick<InboxItemDoc, '_id' | 'createdAt'>) => orderedMember(item.createdAt, item._id);

/** The most a list, a count or mark-all-read looks at for one user, as before the lists. */
const MARK_ALL_LIMIT = 500;

/**
 * 站内信 read by `_id` only: FerretDB 1.24 decodes every stored document for a filter on anything but `_id`, so a
 * user's inbox, its unread count, mark-all-read and the live stream's poll were scans of every user's items. The
 * inbox channel (the only writer of items) keeps each user's lists beside the items: all items in time order
 * (OrderedLists, one document per day) and the unread ones (one document, its size the unread count). A member
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
      item.read ? Promise.resolve() : this.lists.updateOne({ _id: inboxListKey.unread(item.userId) }, { $addToSet: { members: member } }, { upsert: true }).exec(),
    ]);
  }

  /** The user's newest items (only the unread ones if asked), newest first. */
  async newest(userId: string, limit: number, unreadOnly: boolean): Promise<InboxItemDoc[]> {
    if (unreadOnly) {
      const members = (await this.unreadMembers(userId)).sort().reverse();
      const found: InboxItemDoc[] = [];
      for (let i = 0; i < members.length && found.length < limit; i += limit) {
        const page = await Promise.all(members.slice(i, i + limit).map((m) => this.item(userId, idOfOrderedMember(m))));
        found.push(...page.filter((item): item is InboxItemDoc => item !== undefined && !item.read));
      }
      return found.slice(0, limit);
    }
    return this.ordered.last(inboxListKey.items(userId), limit, (m) => this.item(userId, idOfOrderedMember(m)));
  }

  /** How many of the user's items are unread: the size of one document. */
  async unreadCount(userId: string): Promise<number> {
    return (await this.unreadMembers(userId)).length;
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
    if (marked) await this.lists.updateOne({ _id: inboxListKey.unread(userId) }, { $pull: { members: inboxMember(marked) } }).exec();
    return marked ?? (await this.item(userId, itemId));
  }

  /** Every unread item of the user read now, one item by `_id` at a time, then the list emptied of them; how many. */
  async markAllRead(userId: string, now: Date): Promise<number> {
    const members = (await this.unreadMembers(userId)).slice(0, MARK_ALL_LIMIT);
    let marked = 0;
    for (const member of members) {
      const updated = await this.items.updateOne({ _id: idOfOrderedMember(member), userId, read: false }, { $set: { read: true, readAt: now } }).exec();
      marked += updated.modifiedCount;
    }
    if (members.length > 0) await this.lists.updateOne({ _id: inboxListKey.unread(userId) }, { $pullAll: { members } }).exec();
    return marked;
  }

  private async unreadMembers(userId: string): Promise<string[]> {
    return (await this.lists.findById(inboxListKey.unread(userId)).lean<MemberListDoc>().exec())?.members ?? [];
  }

  /** The item, if it is stored and the user's (by `_id`). */
  private async item(userId: string, itemId: string): Promise<InboxItemDoc | undefined> {
    const found = await this.items.findById(itemId).lean<InboxItemDoc>().exec();
    return found && found.userId === userId ? found : undefined;
  }
}
