import { Schema } from 'mongoose';
import type { EventData } from '@civicflow/contracts';
import type { calendarYearPublishedV1 } from '@civicflow/contracts';
import type { ArrangementDiff, YearArrangement } from '@civicflow/domain';

/** Who changed the calendar, from their token. */
export interface Who {
  userId: string;
  name: string;
  role: string;
}

/** A year's official arrangement as entered here (the package's years are not stored; they are code). */
export interface StoredYear {
  year: number;
  /** 1 for the first entry of the year, +1 per correction */
  yearVersion: number;
  /** the calendar's version when this was saved */
  calendarVersion: number;
  arrangement: YearArrangement;
  enteredAt: Date;
  enteredBy: Who;
  /** form, chinese-days-json, ics, csv, overrides-file */
  source: string;
}

/** 审计: one entry per change, kept for good — who, when, from what source, the arrangement and what it changed. */
export interface CalendarChangeRecord {
  calendarVersion: number;
  year: number;
  yearVersion: number;
  change: 'entered' | 'corrected';
  at: Date;
  by: Who;
  source: string;
  arrangement: YearArrangement;
  diff: ArrangementDiff;
  comment?: string;
}

export interface CalendarOutboxEntry {
  id: string;
  data: EventData<typeof calendarYearPublishedV1>;
}

/**
 * The whole administered calendar in ONE document (`_id: 'calendar'`): every write is a single-document update
 * guarded by `version` (optimistic; FerretDB has no multi-document transactions), so the version names exactly
 * one state of all years, the history and the events still to publish (outbox) change together, and a reader
 * (the worker) gets a consistent table by one read by `_id`. Years entered here are a few a decade; the
 * document stays small.
 */
export interface CalendarDoc {
  _id: string;
  version: number;
  years: StoredYear[];
  history: CalendarChangeRecord[];
  outbox: CalendarOutboxEntry[];
}

export const CALENDAR_DOC_ID = 'calendar';
export const CALENDAR_MODEL = 'Calendar';

const loose = { _id: false, strict: false } as const;

export const calendarSchema = new Schema<CalendarDoc>(
  {
    _id: { type: String, required: true },
    version: { type: Number, required: true },
    years: { type: [new Schema({}, loose)], default: [] },
    history: { type: [new Schema({}, loose)], default: [] },
    outbox: { type: [new Schema({}, loose)], default: [] },
  },
  { collection: 'calendar', versionKey: false },
);
// no secondary index: the one document is read and written by _id

/** 办公时间 of one org unit (its own, if it has any; units without inherit their nearest ancestor's). */
export interface OfficeHoursDoc {
  _id: string; // unit id
  version: number;
  /** null: the unit's own hours were removed; it inherits again */
  hours: import('@civicflow/domain').OfficeHoursConfig | null;
  updatedAt: Date;
  updatedBy: Who;
  history: Array<{ version: number; at: Date; by: Who; hours: import('@civicflow/domain').OfficeHoursConfig | null }>;
}

export const OFFICE_HOURS_MODEL = 'OfficeHours';

export const officeHoursSchema = new Schema<OfficeHoursDoc>(
  {
    _id: { type: String, required: true },
    version: { type: Number, required: true },
    hours: { type: new Schema({}, loose), default: null },
    updatedAt: { type: Date, required: true },
    updatedBy: { type: new Schema({}, loose), required: true },
    history: { type: [new Schema({}, loose)], default: [] },
  },
  { collection: 'office_hours', versionKey: false },
);
// read whole (a handful of units configure their own hours) or by _id
