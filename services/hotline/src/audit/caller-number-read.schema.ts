import { Schema } from 'mongoose';

/** 号码查看记录: one document per read of a full caller number. Append-only: nothing updates or deletes them. */
export interface CallerNumberReadDoc {
  _id: string; // read id
  callId: string;
  callerMasked: string;
  reason: string;
  readerId: string;
  readerName: string;
  readerRole: string;
  readerUnitId: string;
  readAt: Date;
}

export const CALLER_NUMBER_READ_MODEL = 'CallerNumberRead';

export const callerNumberReadSchema = new Schema<CallerNumberReadDoc>(
  {
    _id: { type: String, required: true },
    callId: { type: String, required: true },
    callerMasked: { type: String, required: true },
    reason: { type: String, required: true },
    readerId: { type: String, required: true },
    readerName: { type: String, required: true },
    readerRole: { type: String, required: true },
    readerUnitId: { type: String, required: true },
    readAt: { type: Date, required: true },
  },
  { collection: 'caller_number_reads', versionKey: false },
);
// serves the supervisors' list, newest first
callerNumberReadSchema.index({ readAt: -1 });
// serves "who read this call's number"
callerNumberReadSchema.index({ callId: 1, readAt: -1 });
// serves "what did this operator read"
callerNumberReadSchema.index({ readerId: 1, readAt: -1 });
