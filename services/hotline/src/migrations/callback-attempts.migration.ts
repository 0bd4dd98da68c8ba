import type { Migration } from '@civicflow/platform';

interface LegacyTask {
  _id: string;
  caseNumber: string;
  status: 'pending' | 'recorded' | 'unreachable';
  attempts?: unknown[];
  outcomePending?: boolean;
  publishedAttempts?: number;
}

/**
 * Callback tasks from before every attempt was a fact. The hotline used to publish one event per task — the
 * reached answer, or one "not reached" after it had counted three unanswered calls itself — so the case saw at
 * most one unanswered attempt and stayed `resolved`. Each task now says how many of its attempts are on Kafka
 * (`publishedAttempts`); the rest are flagged for the outbox relay (`attemptsPending`), which publishes them as
 * attempts, and the case settles by its own rule:
 * - recorded: the answer was published (unless it was still pending): nothing more, the answer is final;
 * - unreachable: the one published "not reached" stands for the first attempt; the others follow, so the case
 *   counts all of them and closes as unreachable;
 * - pending: its unanswered attempts were never published; they all follow.
 * Pending tasks also get their case's pointer (callback_by_case), so the case's closing finds them.
 */
export const callbackAttemptsMigration: Migration = {
  id: 'hotline-2026-12-callback-attempts',
  description: '回访每次尝试单独发布 every callback attempt becomes its own event; legacy tasks publish the attempts the case never saw',
  async run(db) {
    const tasks = db.collection<LegacyTask>('callback_tasks');
    const byCase = db.collection<{ _id: string; callbackId: string }>('callback_by_case');
    let migrated = 0;
    let republish = 0;
    for await (const task of tasks.find({}, { projection: { _id: 1, caseNumber: 1, status: 1, attempts: 1, outcomePending: 1, publishedAttempts: 1 } })) {
      if (typeof task.publishedAttempts === 'number') continue; // already in the new shape
      const made = task.attempts?.length ?? 0;
      const legacyPublished = task.outcomePending ? 0 : 1;
      const published = task.status === 'pending' ? 0 : Math.min(made, task.status === 'recorded' ? (task.outcomePending ? made - 1 : made) : legacyPublished);
      const pending = published < made;
      await tasks.updateOne({ _id: task._id }, { $set: { publishedAttempts: Math.max(0, published), attemptsPending: pending }, $unset: { outcomePending: '' } });
      if (task.status === 'pending') await byCase.updateOne({ _id: task.caseNumber }, { $set: { callbackId: task._id } }, { upsert: true });
      migrated += 1;
      if (pending) republish += 1;
    }
    return `${migrated} callback tasks moved to per-attempt events; ${republish} have attempts to publish`;
  },
};
