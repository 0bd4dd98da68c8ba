import { NotFoundException } from '@nestjs/common';
import { ancestorsOf, DEFAULT_OFFICE_HOURS, type OfficeHoursConfig, officeHoursAlong, parseOfficeHours } from '@civicflow/domain';
import { ChangedMeanwhile } from '../../calendar/calendar-errors';
import type { OfficeHoursDoc, Who } from '../../calendar/calendar.schema';
import { CalendarStore } from '../../calendar/calendar.store';
import { GridMapHolder } from '../../routing/grid-map.holder';

export interface UnitOfficeHours {
  unitId: string;
  /** the unit's own hours, null when it inherits */
  own: OfficeHoursConfig | null;
  version: number;
  /** the hours its deadlines are computed with, and whose they are ('default' for the built-in hours) */
  effective: OfficeHoursConfig;
  from: string;
  history: OfficeHoursDoc['history'];
}

/**
 * 办公时间: a unit's own office hours (with seasonal hours, e.g. 夏季作息), set by an administrator; units without
 * their own inherit the nearest ancestor's, then the default 09:00–12:00, 13:30–17:30. The case worker reads
 * them with the calendar table; a case's clocks follow the hours of the unit holding it.
 */
export class SetOfficeHoursUseCase {
  constructor(
    private readonly store: CalendarStore,
    private readonly maps: GridMapHolder,
  ) {}

  async get(unitId: string): Promise<UnitOfficeHours> {
    const tree = this.maps.current().tree;
    if (!tree.units.has(unitId)) throw unitNotFound(unitId);
    const all = await this.store.allOfficeHours();
    const byUnit = Object.fromEntries(all.filter((doc) => doc.hours).map((doc) => [doc._id, doc.hours!]));
    const chain = [unitId, ...ancestorsOf(tree, unitId).map((unit) => unit.id)];
    const from = chain.find((id) => id in byUnit) ?? 'default';
    const own = all.find((doc) => doc._id === unitId);
    return { unitId, own: own?.hours ?? null, version: own?.version ?? 0, effective: officeHoursAlong(chain, byUnit, DEFAULT_OFFICE_HOURS), from, history: [...(own?.history ?? [])].reverse() };
  }

  /** Sets the unit's own hours (null removes them) if nobody changed them since `expectedVersion`. */
  async set(unitId: string, hours: OfficeHoursConfig | null, expectedVersion: number, who: Who): Promise<UnitOfficeHours> {
    if (!this.maps.current().tree.units.has(unitId)) throw unitNotFound(unitId);
    if (hours) parseOfficeHours(hours); // InvalidOfficeHours → 400
    const saved = await this.store.setOfficeHours(unitId, expectedVersion, hours, who, new Date());
    if (saved === undefined) throw new ChangedMeanwhile(`${unitId} 的办公时间`, expectedVersion, (await this.store.officeHoursOf(unitId))?.version ?? 0);
    return this.get(unitId);
  }
}

function unitNotFound(unitId: string): NotFoundException {
  return new NotFoundException({ message: `组织单位不存在 unknown org unit: ${unitId}` });
}
