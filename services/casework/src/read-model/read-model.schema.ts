import { Schema } from 'mongoose';
import { CaseReadDoc, TimelineDoc } from './case-projection';

export const CASE_READ_MODEL = 'CaseRead';
export const TIMELINE_MODEL = 'CaseTimelineEntry';

const loose = { _id: false, strict: false } as const;

export const caseReadSchema = new Schema<CaseReadDoc>(
  {
    _id: { type: String, required: true },
    revision: { type: Number, required: true },
    lastSequence: { type: Number, required: true },
    stage: { type: String, required: true },
    level: { type: String, default: null },
    currentUnit: { type: String, default: null },
    streetId: { type: String, default: null },
    communityId: { type: String, default: null },
    gridId: { type: String, default: null },
    orgPath: { type: [String], default: [] },
    categoryCode: { type: String, default: null },
    summary: { type: String, default: null },
    address: { type: String, default: null },
    location: { type: new Schema({ lng: Number, lat: Number }, { _id: false }), default: null },
    priority: { type: String, default: null },
    open: { type: Boolean, required: true },
    breached: { type: Boolean, required: true },
    awaitingCallback: { type: Boolean, required: true },
    sla: { type: new Schema({}, loose), default: null },
    deadline: { type: Date, required: true },
    departments: { type: [String], default: [] },
    pendingDepartments: { type: [String], default: [] },
    departmentClocks: { type: Schema.Types.Mixed, default: {} },
    registeredAt: { type: String, default: null },
    updatedAt: { type: String, required: true },
  },
  { collection: 'case_worklist', versionKey: false, minimize: false },
);
// On MongoDB these serve the filters; FerretDB 1.24 decodes every document for them, so a unit's and a department's
// worklists and a case's timeline are read through case_lists (case-lists.ts) by `_id` — only the whole city's
// lists and the callbacks awaited still filter.
caseReadSchema.index({ currentUnit: 1, open: 1, deadline: 1 });
caseReadSchema.index({ currentUnit: 1, breached: 1, deadline: 1 });
caseReadSchema.index({ stage: 1, deadline: 1 });
// a grid worker's worklist: the open cases of their grid
caseReadSchema.index({ gridId: 1, open: 1, deadline: 1 });
caseReadSchema.index({ pendingDepartments: 1 });

export const timelineSchema = new Schema<TimelineDoc>(
  {
    _id: { type: String, required: true },
    caseNumber: { type: String, required: true },
    sequence: { type: Number, required: true },
    type: { type: String, required: true },
    at: { type: String, required: true },
    actor: { type: new Schema({}, loose), default: null },
    stage: { type: String, default: null },
    level: { type: String, default: null },
    unitId: { type: String, default: null },
    sla: { type: new Schema({}, loose), default: null },
    detail: { type: new Schema({}, loose), default: {} },
  },
  { collection: 'case_timeline', versionKey: false, minimize: false },
);
timelineSchema.index({ caseNumber: 1, sequence: 1 });
