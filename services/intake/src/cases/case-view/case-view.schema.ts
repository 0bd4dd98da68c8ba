import { Schema } from 'mongoose';
import type { CaseLevel, CaseStage } from '@civicflow/contracts';
import type { OpenCaseEntry } from '../dedup/open-case.schema';

/**
 * 案件动态 — where a case stands, projected from its `case.*` events (the case workflow is their only writer), keyed
 * by case number. Open311 status, the dispatch queue and who may read the case's words, place and photos follow it.
 * Updated only forward by the events' per-case `sequence`, so a redelivered or late event changes nothing.
 */
export interface CaseViewDoc {
  _id: string;
  /** sequence of the latest event applied (case.registered counts as 0) */
  lastSequence: number;
  stage: CaseStage;
  level: CaseLevel | null;
  /** the unit holding the case (community or street), null while nobody does */
  unitId: string | null;
  /** where the case was (re-)dispatched to; null before dispatch and after a return (退单) */
  route: { streetId: string; communityId?: string; gridId?: string } | null;
  /** org path (city first) whose units may read the case: the route's, empty while it waits for a dispatcher */
  visibleTo: string[];
  /** departments summoned (吹哨): their liaisons may read the case */
  departments: string[];
  /** the unit that returned it last (退单) */
  returnedBy?: string | null;
  masterCaseNumber?: string;
  closureReason?: string;
  /** the deadline of the case's running clock after its latest transition (Open311's expected_datetime); null while none runs */
  deadline?: Date | null;
  /** 暂定: that deadline runs through a year without an official holiday arrangement */
  deadlineProvisional?: boolean;
  /** when the case's latest event happened */
  updatedAt: Date;
  registeredAt?: Date;
  intakeStatus?: 'routed' | 'manual-queue' | 'closed';
  /** the case waits in the dispatch queue (so leaving it costs a write only when it does) */
  queued?: boolean;
  /** the case is filed in the open-case index, under these cells with this entry (kept so it is taken out without reading its report) */
  indexed?: boolean;
  openCells?: string[];
  openEntry?: OpenCaseEntry;
}

export const CASE_VIEW_MODEL = 'CaseView';
export const caseViewSchema = new Schema<CaseViewDoc>(
  {
    _id: { type: String, required: true },
    lastSequence: { type: Number, required: true },
    stage: { type: String, required: true },
    level: { type: String, default: null },
    unitId: { type: String, default: null },
    route: { type: Schema.Types.Mixed, default: null },
    visibleTo: { type: [String], default: [] },
    departments: { type: [String], default: [] },
    returnedBy: String,
    masterCaseNumber: String,
    closureReason: String,
    deadline: { type: Date, default: undefined },
    deadlineProvisional: Boolean,
    updatedAt: { type: Date, required: true },
    registeredAt: Date,
    intakeStatus: String,
    queued: Boolean,
    indexed: Boolean,
    openCells: { type: [String], default: undefined },
    openEntry: { type: Schema.Types.Mixed, default: undefined },
  },
  // read and written by _id only (conditional on lastSequence)
  { collection: 'case_views', versionKey: false },
);
