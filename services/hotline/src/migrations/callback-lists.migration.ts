import { fileOrderedMembers, type MemberListDoc, type Migration } from '@civicflow/platform';
import { callbackListKey, callbackMember } from '../callbacks/callback-lists';
import type { CallbackTaskDoc } from '../callbacks/callback-task.schema';

/**
 * Callback tasks stored before the operators' work list was a list by status (callback_lists; it was a filter on
 * status over every task): one pass over the tasks, each filed under its status's list in due order. Idempotent
 * ($addToSet), so a run cut short is simply run again.
 */
export const callbackListsMigration: Migration = {
  id: 'hotline-2026-12-callback-lists',
  description: '回访任务列表按 _id 读取 the callback work lists become lists by status in due order',
  async run(db) {
    const entries: { key: string; member: string }[] = [];
    for await (const task of db.collection<CallbackTaskDoc>('callback_tasks').find({}, { projection: { _id: 1, dueAt: 1, status: 1 } })) {
      entries.push({ key: callbackListKey(task.status), member: callbackMember(task) });
    }
    const written = await fileOrderedMembers(db.collection<MemberListDoc>('callback_lists'), entries);
    return `${entries.length} callback tasks filed in ${written} lists`;
  },
};
