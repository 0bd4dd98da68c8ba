import { Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { callbackRecordedV1 } from '@civicflow/contracts';
import { AuthUser, EventPublisher } from '@civicflow/platform';
import { notFound, refused } from '../../shared/http-errors';
import { unpublishedAttemptDrafts } from '../callback-recorded.event';
import { decideCallbackResult } from '../callback-rules';
import { CALLBACK_TASK_MODEL, CallbackTaskDoc } from '../callback-task.schema';
import { CallbackTaskView, toCallbackTaskView } from '../callback-task.view';
import { RecordCallbackDto } from './record-callback.dto';

/**
 * 登记回访结果: one call, one attempt. The task changes by one conditional single-document update (status still
 * pending, attempt count unchanged), so two operators recording at once cannot both win; the loser gets 409. The
 * attempt is stored with `attemptsPending` and then published; if Kafka is down the outbox relay publishes it
 * later, and the operator is not asked to record it again. The case decides what the attempts add up to.
 */
@Injectable()
export class RecordCallbackUseCase {
  private readonly logger = new Logger(RecordCallbackUseCase.name);

  constructor(
    @InjectModel(CALLBACK_TASK_MODEL) private readonly tasks: Model<CallbackTaskDoc>,
    private readonly publisher: EventPublisher,
  ) {}

  async execute(callbackId: string, result: RecordCallbackDto, operator: AuthUser, now = new Date()): Promise<CallbackTaskView> {
    const task = await this.tasks.findById(callbackId).lean<CallbackTaskDoc>().exec();
    if (!task) throw notFound(`回访任务 ${callbackId} 不存在`, `callback ${callbackId} not found`);
    const decision = decideCallbackResult(task, result, operator.userId, now);
    if (!decision.ok) throw refused(decision.reason);

    const updated = await this.tasks
      .findOneAndUpdate(
        { _id: callbackId, status: 'pending', attemptCount: task.attemptCount },
        {
          $set: { status: decision.status, attemptCount: task.attemptCount + 1, attemptsPending: true, ...(decision.outcome ? { outcome: decision.outcome } : {}) },
          $push: { attempts: decision.attempt },
        },
        { new: true },
      )
      .lean<CallbackTaskDoc>()
      .exec();
    if (!updated) {
      throw refused({
        code: 'callback-changed',
        zh: '该回访刚被其他话务员登记,请刷新后查看',
        en: 'another operator just recorded this callback; reload it',
      });
    }
    await this.publish(updated);
    return toCallbackTaskView(updated, now);
  }

  private async publish(task: CallbackTaskDoc): Promise<void> {
    try {
      for (const draft of unpublishedAttemptDrafts(task)) await this.publisher.publish(callbackRecordedV1, draft);
      await markAttemptsPublished(this.tasks, task._id, task.attempts.length);
      task.publishedAttempts = task.attempts.length;
      task.attemptsPending = false;
    } catch (error) {
      this.logger.warn(`回访记录 ${task._id} 暂未发布,稍后重试 callback attempt not sent yet, the outbox relay retries: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

/**
 * The first `count` attempts are on Kafka: the pending flag clears only if no attempt was added meanwhile (that
 * one is still to send), and the published count never goes back.
 */
export async function markAttemptsPublished(tasks: Model<CallbackTaskDoc>, callbackId: string, count: number): Promise<void> {
  const settled = await tasks.updateOne({ _id: callbackId, attemptCount: count }, { $set: { publishedAttempts: count, attemptsPending: false } }).exec();
  if (settled.matchedCount === 0) await tasks.updateOne({ _id: callbackId, publishedAttempts: { $lt: count } }, { $set: { publishedAttempts: count } }).exec();
}
