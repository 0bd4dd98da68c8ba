import { fileOrderedMembers, type MemberListDoc, type Migration } from '@civicflow/platform';
import { inboxListKey, inboxMember } from '../channels/inbox/inbox-lists';
import type { InboxItemDoc } from '../channels/inbox/inbox-item.schema';

/**
 * Inbox items stored before each user's inbox was a list read by `_id` (inbox_lists; it was a filter on the user
 * over every item): one pass over the items, each filed under its user's list in time order and, if unread, in the
 * user's unread list. Idempotent ($addToSet), so a run cut short is simply run again.
 */
export const inboxListsMigration: Migration = {
  id: 'notification-2026-12-inbox-lists',
  description: '站内信按 _id 读取 each user’s inbox and unread items become lists kept by the inbox channel',
  async run(db) {
    const entries: { key: string; member: string }[] = [];
    const unreadUsers = new Set<string>();
    const items = db.collection<InboxItemDoc>('inbox_items').find({}, { projection: { _id: 1, userId: 1, createdAt: 1, read: 1 } });
    for await (const item of items) {
      entries.push({ key: inboxListKey.items(item.userId), member: inboxMember(item) });
      if (!item.read) {
        entries.push({ key: inboxListKey.unread(item.userId), member: inboxMember(item) });
        unreadUsers.add(item.userId);
      }
    }
    const written = await fileOrderedMembers(db.collection<MemberListDoc>('inbox_lists'), entries);
    return `${entries.length} inbox list entries filed in ${written} lists, ${unreadUsers.size} users with unread items`;
  },
};

/**
 * A user's unread items were one document (`unread:<user>`), growing with every item never read: they move into the
 * unread list's day documents (as the inbox channel now files them), and the old document goes. Idempotent.
 */
export const unreadByDayMigration: Migration = {
  id: 'notification-2026-12-unread-by-day',
  description: '未读站内信按天分文档 each user’s unread items move from one growing document to one document per day',
  async run(db) {
    const lists = db.collection<MemberListDoc>('inbox_lists');
    // once, at start: the old documents are the `unread:` lists that are neither a day (`@YYYY-MM-DD`) nor a directory (`@days`)
    const old = (await lists.find({ _id: { $regex: '^unread:' } }).toArray()).filter((doc) => !/@(\d{4}-\d{2}-\d{2}|days)$/.test(doc._id));
    const written = await fileOrderedMembers(lists, old.flatMap((doc) => doc.members.map((member) => ({ key: doc._id, member }))));
    for (const doc of old) await lists.deleteOne({ _id: doc._id });
    return `${old.length} unread lists split into ${written} documents`;
  },
};
