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
    const unread = new Map<string, string[]>();
    const items = db.collection<InboxItemDoc>('inbox_items').find({}, { projection: { _id: 1, userId: 1, createdAt: 1, read: 1 } });
    for await (const item of items) {
      entries.push({ key: inboxListKey.items(item.userId), member: inboxMember(item) });
      if (!item.read) unread.set(item.userId, [...(unread.get(item.userId) ?? []), inboxMember(item)]);
    }
    const lists = db.collection<MemberListDoc>('inbox_lists');
    const written = await fileOrderedMembers(lists, entries);
    for (const [userId, members] of unread) {
      await lists.updateOne({ _id: inboxListKey.unread(userId) }, { $addToSet: { members: { $each: members } } }, { upsert: true });
    }
    return `${entries.length} inbox items filed in ${written} lists, ${unread.size} users with unread items`;
  },
};
