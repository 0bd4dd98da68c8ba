import type { Connection, Model } from 'mongoose';
import type { CalendarOverrideTable, OfficeHoursConfig } from '@civicflow/domain';
import { toYearOverride } from '@civicflow/domain';
import { isDuplicateKey } from '@civicflow/platform';
import {
  CALENDAR_DOC_ID,
  CALENDAR_MODEL,
  type CalendarChangeRecord,
  type CalendarDoc,
  type CalendarOutboxEntry,
  calendarSchema,
  OFFICE_HOURS_MODEL,
  type OfficeHoursDoc,
  officeHoursSchema,
  type StoredYear,
  type Who,
} from './calendar.schema';


/**
 * Reads and writes of the administered calendar: the one calendar document (by `_id`, guarded by its version) and
 * the office hours of units (one document per unit that has its own).
 */
export class CalendarStore {
  private readonly calendar: Model<CalendarDoc>;
  private readonly officeHours: Model<OfficeHoursDoc>;

  constructor(connection: Connection) {
    if (!connection.models[CALENDAR_MODEL]) connection.model(CALENDAR_MODEL, calendarSchema);
    if (!connection.models[OFFICE_HOURS_MODEL]) connection.model(OFFICE_HOURS_MODEL, officeHoursSchema);
    this.calendar = connection.model<CalendarDoc>(CALENDAR_MODEL);
    this.officeHours = connection.model<OfficeHoursDoc>(OFFICE_HOURS_MODEL);
  }

  /** The calendar document; created empty (version 0) the first time. */
  async read(): Promise<CalendarDoc> {
    const found = await this.calendar.findById(CALENDAR_DOC_ID).lean<CalendarDoc>();
    if (found) return found;
    try {
      await this.calendar.create({ _id: CALENDAR_DOC_ID, version: 0, years: [], history: [], outbox: [] });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    return (await this.calendar.findById(CALENDAR_DOC_ID).lean<CalendarDoc>())!;
  }

  /**
   * Saves the next state if the document is still at `expectedVersion`: the years, one history record and the
   * event to publish, in one update. False when someone else changed the calendar meanwhile.
   */
  async commit(expectedVersion: number, years: StoredYear[], record: CalendarChangeRecord, event: CalendarOutboxEntry): Promise<boolean> {
    const result = await this.calendar.updateOne(
      { _id: CALENDAR_DOC_ID, version: expectedVersion },
      { $set: { version: record.calendarVersion, years }, $push: { history: record, outbox: event } },
    );
    return result.matchedCount === 1;
  }

  /** The event is on Kafka: it leaves the outbox. */
  async published(eventId: string): Promise<void> {
    await this.calendar.updateOne({ _id: CALENDAR_DOC_ID }, { $pull: { outbox: { id: eventId } } });
  }

  /** What the business calendar consumes: the entered years, over the package's. */
  static tableOf(doc: Pick<CalendarDoc, 'years'>): CalendarOverrideTable {
    return { years: doc.years.map((stored) => toYearOverride(stored.arrangement)) };
  }

  async allOfficeHours(): Promise<OfficeHoursDoc[]> {
    return this.officeHours.find({}).lean<OfficeHoursDoc[]>();
  }

  async officeHoursOf(unitId: string): Promise<OfficeHoursDoc | null> {
    return this.officeHours.findById(unitId).lean<OfficeHoursDoc>();
  }

  /** Sets (or, with null, removes) a unit's own office hours if the unit's record is still at `expectedVersion`. */
  async setOfficeHours(unitId: string, expectedVersion: number, hours: OfficeHoursConfig | null, by: Who, at: Date): Promise<number | undefined> {
    const version = expectedVersion + 1;
    const entry = { version, at, by, hours };
    if (expectedVersion === 0) {
      try {
        await this.officeHours.create({ _id: unitId, version, hours, updatedAt: at, updatedBy: by, history: [entry] });
        return version;
      } catch (error) {
        if (isDuplicateKey(error)) return undefined;
        throw error;
      }
    }
    const result = await this.officeHours.updateOne({ _id: unitId, version: expectedVersion }, { $set: { version, hours, updatedAt: at, updatedBy: by }, $push: { history: entry } });
    return result.matchedCount === 1 ? version : undefined;
  }
}
