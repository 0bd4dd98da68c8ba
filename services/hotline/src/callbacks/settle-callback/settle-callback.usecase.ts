import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { caseClosedV1, EventData, EventEnvelope } from '@civicflow/contracts';
import { unreachableOutcome } from '../callback-rules';
import { CALLBACK_TASK_MODEL, CallbackTaskDoc, CASE_CALLBACK_MODEL, CaseCallbackDoc } from '../callback-task.schema';
import { CallbackLists } from '../callback-lists';

export type SettleResult = 'settled' | 'not-unreachable' | 'no-task' | 'already-final';

/**
 * 回访无法联系: the case closed as unreachable — its rule found the published attempts exhausted — so the case's
 * pending callback task ends as unreachable. The hotline never decides that itself. Idempotent: a settled task
 * is left alone.
 */
@Injectable()
export class SettleCallbackUseCase {
  constructor(
    @InjectModel(CALLBACK_TASK_MODEL) private readonly tasks: Model<CallbackTaskDoc>,
    @InjectModel(CASE_CALLBACK_MODEL) private readonly byCase: Model<CaseCallbackDoc>,
    private readonly lists: CallbackLists,
  ) {}

  async execute(event: EventEnvelope<EventData<typeof caseClosedV1>>): Promise<SettleResult> {
    const closed = event.data;
    if (closed.reason !== 'callback-unreachable') return 'not-unreachable';
    const pointer = await this.byCase.findById(closed.caseNumber).lean<CaseCallbackDoc>().exec();
    const task = pointer && (await this.tasks.findById(pointer.callbackId).lean<CallbackTaskDoc>().exec());
    if (!task) return 'no-task';
    if (task.status !== 'pending') return 'already-final';
    const outcome = unreachableOutcome(task.attempts, new Date(closed.occurredAt), closed.note);
    await this.lists.enter(task, 'unreachable');
    const result = await this.tasks.updateOne({ _id: task._id, status: 'pending' }, { $set: { status: 'unreachable', outcome } }).exec();
    if (result.matchedCount !== 1) return 'already-final';
    await this.lists.leave(task, 'pending');
    return 'settled';
  }
}
