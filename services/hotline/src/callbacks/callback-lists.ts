import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { idOfOrderedMember, MemberListDoc, memberListSchema, OrderedLists, orderedMember } from '@civicflow/platform';
import type { CallbackStatus } from './callback-rules';
import { CALLBACK_TASK_MODEL, CallbackTaskDoc } from './callback-task.schema';

export const CALLBACK_LIST_MODEL = 'CallbackList';
export const callbackListSchema = memberListSchema('callback_lists');

/** The list of the callback tasks in a status, soonest due first. */
export const callbackListKey = (status: CallbackStatus) => `status:${status}`;

/** A task's member of its status list: its due time and id. */
export const callbackMember = (task: Pick<CallbackTaskDoc, '_id' | 'dueAt'>) => orderedMember(task.dueAt, task._id);

/**
 * 回访任务列表 by status, kept by the writers of the tasks (scheduling, recording, settling): a list in due order
 * (`OrderedLists`), so the operators' work list is point reads instead of a filter on status over every callback
 * ever made. A writer enters the task in its new status's list before it changes the task and leaves the old one
 * after, so a crash in between leaves an extra member (skipped by the reader, who checks the task), never a
 * missing one.
 */
@Injectable()
export class CallbackLists {
  private readonly lists: OrderedLists;

  constructor(
    @InjectModel(CALLBACK_LIST_MODEL) model: Model<MemberListDoc>,
    @InjectModel(CALLBACK_TASK_MODEL) private readonly tasks: Model<CallbackTaskDoc>,
  ) {
    this.lists = new OrderedLists(model);
  }

  enter(task: Pick<CallbackTaskDoc, '_id' | 'dueAt'>, status: CallbackStatus): Promise<void> {
    return this.lists.enter(callbackListKey(status), callbackMember(task));
  }

  leave(task: Pick<CallbackTaskDoc, '_id' | 'dueAt'>, status: CallbackStatus): Promise<void> {
    return this.lists.leave(callbackListKey(status), callbackMember(task));
  }

  /** The first `limit` tasks in `status`, soonest due first. */
  first(status: CallbackStatus, limit: number): Promise<CallbackTaskDoc[]> {
    return this.lists.first(callbackListKey(status), limit, async (member) => {
      const task = await this.tasks.findById(idOfOrderedMember(member)).lean<CallbackTaskDoc>().exec();
      return task && task.status === status && callbackMember(task) === member ? task : undefined;
    });
  }
}
