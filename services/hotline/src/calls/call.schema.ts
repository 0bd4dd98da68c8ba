import { Schema } from 'mongoose';

export interface DirectAnswer {
  articleId: string;
  /** The answer as given, copied: the article may be edited or retired later. */
  answer: string;
  articleVersion: number;
}

export interface CaseLink {
  caseNumber: string;
  /** registered: the call became this case; merged: intake joined it to an open case of the same problem. */
  kind: 'registered' | 'merged';
  linkedAt: Date;
}

export interface CallDoc {
  _id: string; // call id
  receivedAt: Date;
  callerHash: string;
  callerEncrypted: string;
  callerMasked: string;
  content: string;
  requestType: string;
  urgency: string;
  categoryCode?: string;
  address?: string;
  location?: { lng: number; lat: number };
  operatorId: string;
  operatorRole?: string;
  operatorUnitId?: string;
  /** 一次办结: the operator answered on the spot from the knowledge base. */
  answeredDirectly?: DirectAnswer;
  /** 合并: the operator chose this open case for the call (intake joins it instead of opening another). */
  joinCaseNumber?: string;
  /** 来电弹屏: the telephony system's call and its recording */
  telephonyCallRef?: string;
  recordingRef?: string;
  /** the form's idempotency key: a second send of the same form finds this call instead of logging another */
  idempotencyKey?: string;
  /** Set from case.registered / intake.duplicate-merged: the hotline's read model of which case a call became. */
  caseLink?: CaseLink;
  /** true until hotline.call-logged is on Kafka; the outbox relay sends what a failed publish left behind. */
  announcePending?: boolean;
  /** true until the caller's SMS contact is in the notification directory (only for callers who agreed to SMS notices). */
  contactPending?: boolean;
}

export const CALL_MODEL = 'Call';

export const callSchema = new Schema<CallDoc>(
  {
    _id: { type: String, required: true },
    receivedAt: { type: Date, required: true },
    callerHash: { type: String, required: true },
    callerEncrypted: { type: String, required: true },
    callerMasked: { type: String, required: true },
    content: { type: String, required: true },
    requestType: { type: String, required: true },
    urgency: { type: String, required: true },
    categoryCode: String,
    address: String,
    location: { type: { lng: Number, lat: Number }, _id: false, default: undefined },
    operatorId: { type: String, required: true },
    operatorRole: String,
    operatorUnitId: String,
    answeredDirectly: { type: { articleId: String, answer: String, articleVersion: Number }, _id: false, default: undefined },
    joinCaseNumber: String,
    telephonyCallRef: String,
    recordingRef: String,
    idempotencyKey: String,
    caseLink: { type: { caseNumber: String, kind: String, linkedAt: Date }, _id: false, default: undefined },
    announcePending: Boolean,
    contactPending: Boolean,
  },
  { collection: 'calls', versionKey: false },
);
