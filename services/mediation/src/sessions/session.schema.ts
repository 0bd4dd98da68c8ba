import { Schema } from 'mongoose';
import { SessionDoc } from './session';

export const SESSION_MODEL = 'MediationSession';

const loose = { _id: false, strict: false } as const;

export const sessionSchema = new Schema<SessionDoc>(
  {
    _id: { type: String, required: true },
    disputeId: { type: String, required: true },
    mediatorId: { type: String, required: true },
    startsAt: { type: Date, required: true },
    endsAt: { type: Date, required: true },
    place: { type: String, required: true },
    attendeeIds: { type: [String], default: [] },
    consultation: { type: Boolean, required: true },
    status: { type: String, required: true },
    minutesSummary: { type: String, default: null },
    draftMinutes: { type: String, default: null },
    draftConsultationRecord: { type: new Schema({}, loose), default: null },
    consultationRecord: { type: new Schema({}, loose), default: null },
    reminded: { type: Boolean, default: false },
    scheduledBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
    heldRecordedAt: { type: Date, default: null },
  },
  { collection: 'sessions', versionKey: false, minimize: false },
);
// serves the overlap check: one mediator's sessions that end after the new one starts
sessionSchema.index({ mediatorId: 1, endsAt: 1 });
// serves a dispute's sessions in time order
sessionSchema.index({ disputeId: 1, startsAt: 1 });
