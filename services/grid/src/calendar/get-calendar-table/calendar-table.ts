import type { CalendarOverrideTable, OfficeHoursConfig } from '@civicflow/domain';
import { GridMapHolder } from '../../routing/grid-map.holder';
import { CalendarStore } from '../calendar.store';

/**
 * What the case worker computes deadlines with: the entered arrangements (over the package's years and the law),
 * the calendar's version, and the units' own office hours with the parents of every non-grid unit, so the worker
 * finds a unit's nearest configured hours (officeHoursAlong) itself.
 */
export interface CalendarTable {
  version: number;
  table: CalendarOverrideTable;
  officeHours: { byUnit: Record<string, OfficeHoursConfig>; parents: Record<string, string | null> };
}

export class CalendarTableReader {
  constructor(
    private readonly store: CalendarStore,
    private readonly maps: GridMapHolder,
  ) {}

  async read(): Promise<CalendarTable> {
    const [doc, hours] = await Promise.all([this.store.read(), this.store.allOfficeHours()]);
    const byUnit = Object.fromEntries(hours.filter((doc) => doc.hours).map((doc) => [doc._id, doc.hours!]));
    const parents: Record<string, string | null> = {};
    if (Object.keys(byUnit).length > 0) {
      for (const unit of this.maps.current().tree.units.values()) if (unit.kind !== 'grid') parents[unit.id] = unit.parentId;
    }
    return { version: doc.version, table: CalendarStore.tableOf(doc), officeHours: { byUnit, parents } };
  }
}
