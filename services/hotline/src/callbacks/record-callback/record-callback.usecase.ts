import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { AuthUser } from '@civicflow/platform';
import { HotlineOutbox } from '../../outbox/hotline-outbox';
import { notFound, refused } from '../../shared/http-errors';
import { decideCallbackResult } from '../callback-rules';
import { CALLBACK_TASK_MODEL, CallbackTaskDoc } from '../callback-task.schema';
import { CallbackLists } from '../callback-lists';
import { CallbackTaskView, toCallbackTaskView } from '../callback-task.view';
import { RecordCallbackDto } from './record-callback.dto';

/**
 * 登记回访结果: one call, one attempt. The task changes by one conditional single-document update (status still
 * pending, attempt count unchanged), so two operators recording at once cannot both win; the loser gets 409. The
 * attempt is stored with `attemptsPending` (remembered by the outbox first) and then published; if Kafka is down
 * the outbox publishes it later, and the operator is not asked to record it again. The case decides what the attempts add up to.
 */
@Injectable()
export class RecordCallbackUseCase {
  constructor(
    @InjectModel(CALLBACK_TASK_MODEL) private readonly tasks: Model<CallbackTaskDoc>,
    private readonly outbox: HotlineOutbox,
    private readonly lists: CallbackLists,
  ) {}

  async execute(callbackId: string, result: RecordCallbackDto, operator: AuthUser, now = new Date()): Promise<CallbackTaskView> {
    const task = await this.tasks.findById(callbackId).lean<CallbackTaskDoc>().exec();
    if (!task) throw notFound(`回访任务 ${callbackId} 不存在`, `callback ${callbackId} not found`);
    const decision = decideCallbackResult(task, result, operator.userId, now);
    if (!decision.ok) throw refused(decision.reason);

    await this.outbox.remember(`callback:${callbackId}`);
    if (decision.status !== 'pending') await this.lists.enter(task, decision.status); // before the change, left after: never missing from a list
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
    if (decision.status !== 'pending') await this.lists.leave(task, 'pending');
    await this.outbox.run(`callback:${callbackId}`);
    return toCallbackTaskView(updated, now);
  }
}
