import { Schema } from 'mongoose';

/** One open case in a cell, as the duplicate check needs it. Built by `openCaseEntry` only, so its fields keep one order ($pull matches whole entries). */
export interface OpenCaseEntry {
  caseNumber: string;
  lng?: number;
  lat?: number;
  /** when its first report came in: the duplicate window counts from here */
  at: Date;
}

/**
 * 在办案件索引 — the open cases of one category in one place, `_id` = the cell: `p:<category>:<geohash6>` for cases
 * with a point, `a:<category>:<normalised address>` for cases with an address. Intake adds a case when it hands it
 * over and the case events take it out again (resolved, closed, merged) or put it back (reopened), so a new report
 * is checked against open cases only, with one read by `_id` per cell.
 */
export interface OpenCaseCellDoc {
  _id: string;
  cases: OpenCaseEntry[];
}

export const OPEN_CASE_CELL_MODEL = 'OpenCaseCell';
export const openCaseCellSchema = new Schema<OpenCaseCellDoc>(
  { _id: { type: String, required: true }, cases: { type: Schema.Types.Mixed, default: [] } },
  // read and written by _id only; entries go in with $addToSet and out with $pull (native driver, no casting)
  { collection: 'open_case_cells', versionKey: false },
);
