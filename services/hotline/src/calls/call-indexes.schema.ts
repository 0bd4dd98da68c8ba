import { Schema } from 'mongoose';

/**
 * Lookups by something other than a call's id, kept as documents keyed by that thing (FerretDB reads by `_id`
 * through its index and decodes every stored call for any other filter): written beside the call by whoever
 * learns the key, read with one point read.
 */

/** 来电历史: a caller's calls (`_id` = the number's keyed hash), oldest first; written before the call itself. */
export interface CallerCallsDoc {
  _id: string;
  callIds: string[];
}

export const CALLER_CALLS_MODEL = 'CallerCalls';

export const callerCallsSchema = new Schema<CallerCallsDoc>(
  { _id: { type: String, required: true }, callIds: { type: [String], default: [] } },
  { collection: 'calls_by_caller', versionKey: false },
);

/** The calls a case came from (`_id` = case number): the call that became it, and calls merged into it later. */
export interface CaseCallsDoc {
  _id: string;
  registered?: string;
  merged?: string[];
}

export const CASE_CALLS_MODEL = 'CaseCalls';

export const caseCallsSchema = new Schema<CaseCallsDoc>(
  { _id: { type: String, required: true }, registered: String, merged: { type: [String], default: undefined } },
  { collection: 'calls_by_case', versionKey: false },
);
