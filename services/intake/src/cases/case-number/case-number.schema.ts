import { Schema } from 'mongoose';

/**
 * 案件编号 — one document per number handed out, `_id` = the number. Inserting it is how a number is claimed:
 * the unique `_id` decides, on any MongoDB-protocol server, so a number is never given to two reports however
 * many deliveries and intake processes race. It names the report it was claimed for and the reports that joined
 * its case at intake (合并), so a case's words, place and photos are found by its number.
 */
export interface CaseNumberDoc {
  _id: string; // YYYYMMDD-NNNNNN
  /** source key (`<channel>:<sourceRef>`) of the report the case was opened for */
  source: string;
  claimedAt: Date;
  /** reports merged into this case at intake, oldest first */
  joined: string[];
  /** the number turned out to be a running workflow of another report's (a restored database): never used again */
  takenBy?: string;
}

export const CASE_NUMBER_MODEL = 'CaseNumber';
export const caseNumberSchema = new Schema<CaseNumberDoc>(
  {
    _id: { type: String, required: true },
    source: { type: String, required: true },
    claimedAt: { type: Date, required: true },
    joined: { type: [String], default: [] },
    takenBy: String,
  },
  // read and written by _id only
  { collection: 'case_numbers', versionKey: false },
);

/** The day's counter: only a hint of the next free number; the case_numbers insert decides. */
export interface CaseCounterDoc {
  _id: string; // YYYYMMDD in China time
  seq: number;
}
export const CASE_COUNTER_MODEL = 'CaseCounter';
export const caseCounterSchema = new Schema<CaseCounterDoc>(
  { _id: { type: String, required: true }, seq: { type: Number, required: true } },
  { collection: 'case_counters', versionKey: false },
);
