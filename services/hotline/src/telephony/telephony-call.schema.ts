import { Schema } from 'mongoose';

/**
 * 来电 as the call centre's telephony system reports it (ringing → answered → hung up), `_id` = its call reference:
 * whom it rang at, the caller's number (encrypted, as calls keep it), the recording, and the call logged for it.
 */
export interface TelephonyCallDoc {
  _id: string;
  agentUserId: string;
  callerHash: string;
  callerEncrypted: string;
  callerMasked: string;
  state: 'ringing' | 'answered' | 'hung-up';
  ringingAt?: Date;
  answeredAt?: Date;
  hungUpAt?: Date;
  recordingRef?: string;
  /** the call the operator logged for it (来电登记), once they have */
  callId?: string;
}

export const TELEPHONY_CALL_MODEL = 'TelephonyCall';
export const telephonyCallSchema = new Schema<TelephonyCallDoc>(
  {
    _id: { type: String, required: true },
    agentUserId: { type: String, required: true },
    callerHash: { type: String, required: true },
    callerEncrypted: { type: String, required: true },
    callerMasked: { type: String, required: true },
    state: { type: String, required: true },
    ringingAt: Date,
    answeredAt: Date,
    hungUpAt: Date,
    recordingRef: String,
    callId: String,
  },
  // read and written by _id (the call reference) only
  { collection: 'telephony_calls', versionKey: false },
);
