import { Schema } from 'mongoose';
import { CallbackAttempt, CallbackOutcome, CallbackStatus } from './callback-rules';

export interface CallbackTaskDoc {
  /** `<case number>-<resolvedAt in ms>`: one task per resolution, so a redelivered case.resolved finds it there. */
  _id: string;
  caseNumber: string;
  resolvedAt: Date;
  level: string;
  unitId: string;
  summary: string;
  dueAt: Date;
  createdAt: Date;
  /** Of the case.resolved event, so hotline.callback-recorded continues its chain. */
  correlationId: string;
  resolvedEventId: string;
  /** The call the case came from (absent for cases from other channels): the operator reads its number to ring back. */
  callId?: string;
  callerMasked?: string;
  status: CallbackStatus;
  /** Kept beside `attempts` so the conditional update can compare a number (optimistic concurrency). */
  attemptCount: number;
  /** Every call made, in order: each is published as its own hotline.callback-recorded. */
  attempts: CallbackAttempt[];
  /** How many of `attempts` are on Kafka (the first n). */
  publishedAttempts: number;
  /** true while some attempt is not yet on Kafka; the outbox relay sends what a failed publish left behind. */
  attemptsPending: boolean;
  outcome?: CallbackOutcome;
}

/**
 * The callback task a case owes now (`_id` = case number): the case's closing finds its task by a point read
 * instead of a filter on the case number (FerretDB decodes a whole collection for any other filter).
 */
export interface CaseCallbackDoc {
  _id: string;
  callbackId: string;
}

export const CALLBACK_TASK_MODEL = 'CallbackTask';

const attemptSchema = new Schema<CallbackAttempt>(
  {
    at: { type: Date, required: true },
    operatorId: { type: String, required: true },
    reached: { type: Boolean, required: true },
    satisfaction: String,
    resolved: Boolean,
    comment: String,
  },
  { _id: false },
);

const outcomeSchema = new Schema<CallbackOutcome>(
  {
    reached: { type: Boolean, required: true },
    satisfaction: String,
    resolved: Boolean,
    comment: String,
    recordedAt: { type: Date, required: true },
    operatorId: { type: String, required: true },
  },
  { _id: false },
);

export const callbackTaskSchema = new Schema<CallbackTaskDoc>(
  {
    _id: { type: String, required: true },
    caseNumber: { type: String, required: true },
    resolvedAt: { type: Date, required: true },
    level: { type: String, required: true },
    unitId: { type: String, required: true },
    summary: { type: String, required: true },
    dueAt: { type: Date, required: true },
    createdAt: { type: Date, required: true },
    correlationId: { type: String, required: true },
    resolvedEventId: { type: String, required: true },
    callId: String,
    callerMasked: String,
    status: { type: String, required: true },
    attemptCount: { type: Number, required: true },
    attempts: { type: [attemptSchema], default: [] },
    publishedAttempts: { type: Number, default: 0 },
    attemptsPending: { type: Boolean, default: false },
    outcome: { type: outcomeSchema, default: undefined },
  },
  { collection: 'callback_tasks', versionKey: false },
);
// serves the operators' work list: callbacks of a status, soonest due first
callbackTaskSchema.index({ status: 1, dueAt: 1 });

export const CASE_CALLBACK_MODEL = 'CaseCallback';

export const caseCallbackSchema = new Schema<CaseCallbackDoc>(
  { _id: { type: String, required: true }, callbackId: { type: String, required: true } },
  { collection: 'callback_by_case', versionKey: false },
);
