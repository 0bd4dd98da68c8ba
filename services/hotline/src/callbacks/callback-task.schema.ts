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
  attempts: CallbackAttempt[];
  outcome?: CallbackOutcome;
  /** true until hotline.callback-recorded is on Kafka; the outbox relay sends what a failed publish left behind. */
  outcomePending?: boolean;
}

export const CALLBACK_TASK_MODEL = 'CallbackTask';

const attemptSchema = new Schema<CallbackAttempt>(
  { at: { type: Date, required: true }, operatorId: { type: String, required: true }, reached: { type: Boolean, required: true }, comment: String },
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
    outcome: { type: outcomeSchema, default: undefined },
    outcomePending: Boolean,
  },
  { collection: 'callback_tasks', versionKey: false },
);
// serves the operators' work list: callbacks of a status, soonest due first
callbackTaskSchema.index({ status: 1, dueAt: 1 });
// serves the outbox relay: outcomes whose event is still to be sent
callbackTaskSchema.index({ outcomePending: 1 });
