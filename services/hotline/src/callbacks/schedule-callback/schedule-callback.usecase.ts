import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { caseResolvedV1, EventData, EventEnvelope } from '@civicflow/contracts';
import { CALL_MODEL, CallDoc } from '../../calls/call.schema';
import { CASE_CALLS_MODEL, CaseCallsDoc } from '../../calls/call-indexes.schema';
import { isDuplicateKey } from '../../shared/http-errors';
import { CALLBACK_TASK_MODEL, CallbackTaskDoc, CASE_CALLBACK_MODEL, CaseCallbackDoc } from '../callback-task.schema';
import { CallbackLists } from '../callback-lists';

export type ScheduleResult = 'scheduled' | 'already-scheduled';

/** One task per resolution: a case reopened and resolved again owes a second callback; a redelivery does not. */
export function callbackTaskId(caseNumber: string, resolvedAt: Date): string {
  return `${caseNumber}-${resolvedAt.getTime()}`;
}

/** 回访任务: a resolved case owes the citizen a callback, due when the workflow says. */
@Injectable()
export class ScheduleCallbackUseCase {
  constructor(
    @InjectModel(CALLBACK_TASK_MODEL) private readonly tasks: Model<CallbackTaskDoc>,
    @InjectModel(CALL_MODEL) private readonly calls: Model<CallDoc>,
    @InjectModel(CASE_CALLBACK_MODEL) private readonly byCase: Model<CaseCallbackDoc>,
    @InjectModel(CASE_CALLS_MODEL) private readonly caseCalls: Model<CaseCallsDoc>,
    private readonly lists: CallbackLists,
  ) {}

  async execute(event: EventEnvelope<EventData<typeof caseResolvedV1>>, now = new Date()): Promise<ScheduleResult> {
    const resolved = event.data;
    const resolvedAt = new Date(resolved.resolvedAt);
    const call = await this.callOf(resolved.caseNumber);
    const task: CallbackTaskDoc = {
      _id: callbackTaskId(resolved.caseNumber, resolvedAt),
      caseNumber: resolved.caseNumber,
      resolvedAt,
      level: resolved.level,
      unitId: resolved.unitId,
      summary: resolved.summary,
      dueAt: new Date(resolved.callbackDueAt),
      createdAt: now,
      correlationId: event.correlationId,
      resolvedEventId: event.id,
      ...(call ? { callId: call._id, callerMasked: call.callerMasked } : {}),
      status: 'pending',
      attemptCount: 0,
      attempts: [],
      publishedAttempts: 0,
      attemptsPending: false,
    };
    // the case's current task and the pending list first: a retry after a failed insert writes the same again
    await Promise.all([
      this.byCase.replaceOne({ _id: task.caseNumber }, { callbackId: task._id }, { upsert: true }).exec(),
      this.lists.enter(task, 'pending'),
    ]);
    try {
      await this.tasks.create(task);
      return 'scheduled';
    } catch (error) {
      if (isDuplicateKey(error)) return 'already-scheduled';
      throw error;
    }
  }

  /** The call that became the case — not one merged into it later (its caller is not the one the case reports to). */
  private async callOf(caseNumber: string): Promise<Pick<CallDoc, '_id' | 'callerMasked'> | undefined> {
    const linked = await this.caseCalls.findById(caseNumber).lean<CaseCallsDoc>().exec();
    const callId = linked?.registered ?? linked?.merged?.[0];
    if (!callId) return undefined;
    return (await this.calls.findById(callId, { callerMasked: 1 }).lean<Pick<CallDoc, '_id' | 'callerMasked'>>().exec()) ?? undefined;
  }
}
