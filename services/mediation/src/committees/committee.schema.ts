import { Schema } from 'mongoose';
import { CommitteeDoc, MediatorDoc } from './committee';

export const COMMITTEE_MODEL = 'MediationCommittee';
export const MEDIATOR_MODEL = 'Mediator';

const loose = { _id: false, strict: false } as const;

export const committeeSchema = new Schema<CommitteeDoc>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    level: { type: String, required: true },
    unitId: { type: String, required: true },
    streetId: { type: String, required: true },
  },
  { collection: 'committees', versionKey: false },
);
// serves "the committees of a street" (list filter)
committeeSchema.index({ streetId: 1 });

export const mediatorSchema = new Schema<MediatorDoc>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    committeeId: { type: String, required: true },
    level: { type: String, required: true },
    unitId: { type: String, required: true },
    streetId: { type: String, required: true },
    phone: { type: new Schema({}, loose), default: null },
    idNumber: { type: new Schema({}, loose), default: null },
    active: { type: Boolean, required: true },
    diaryRevision: { type: Number, required: true },
  },
  { collection: 'mediators', versionKey: false, minimize: false },
);
// serves "the members of this committee" (assignment by workload)
mediatorSchema.index({ committeeId: 1, active: 1 });
