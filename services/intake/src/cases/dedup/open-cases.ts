import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { CONFIG } from '@civicflow/platform';
import { IntakeConfig } from '../../config';
import type { ReportDoc } from '../../reports/report.schema';
import { addressCellKey, distanceMeters, pointCellKey, pointCellsWithin } from './nearby';
import { OPEN_CASE_CELL_MODEL, OpenCaseCellDoc, OpenCaseEntry } from './open-case.schema';

/** What the duplicate check needs of a report. */
export type DedupReport = Pick<ReportDoc, 'categoryCode' | 'location' | 'address' | 'answeredDirectly' | 'receivedAt'>;

/** An open case at a place, as the operator's warning lists it. */
export interface OpenCaseNearby {
  caseNumber: string;
  matchedBy: 'point' | 'address';
  distanceMeters?: number;
  /** when its first report came in */
  since: Date;
}

export interface DuplicateMatch {
  caseNumber: string;
  /** set when both have a point: how far apart */
  distanceMeters?: number;
}

/** The cells a case of this report is filed under: its point's and its address's (none without a category). */
export function openCaseCellsOf(report: DedupReport): string[] {
  if (!report.categoryCode || report.answeredDirectly) return [];
  const cells = report.location ? [pointCellKey(report.categoryCode, report.location)] : [];
  const byAddress = report.address ? addressCellKey(report.categoryCode, report.address) : undefined;
  return byAddress ? [...cells, byAddress] : cells;
}

/** The entry of a case in its cells; always built here, so equal cases give equal entries (what $pull matches). */
export function openCaseEntry(report: DedupReport, caseNumber: string): OpenCaseEntry {
  return report.location ? { caseNumber, lng: report.location.lng, lat: report.location.lat, at: report.receivedAt } : { caseNumber, at: report.receivedAt };
}

/**
 * Picks the master among open cases nearby: a case with a point within the radius (nearest, then oldest), else a
 * case at the same address (oldest); only cases whose first report is within the window. Pure.
 */
export function chooseMaster(
  report: Pick<DedupReport, 'location'>,
  byPoint: readonly OpenCaseEntry[],
  byAddress: readonly OpenCaseEntry[],
  options: { radiusMeters: number; since: number },
): DuplicateMatch | undefined {
  const recent = (entry: OpenCaseEntry) => new Date(entry.at).getTime() >= options.since;
  const older = (a: OpenCaseEntry, b: OpenCaseEntry) => new Date(a.at).getTime() - new Date(b.at).getTime();
  if (report.location) {
    const point = report.location;
    const [nearest] = byPoint
      .filter((entry) => recent(entry) && entry.lng !== undefined && entry.lat !== undefined)
      .map((entry) => ({ entry, distance: distanceMeters(point, { lng: entry.lng!, lat: entry.lat! }) }))
      .filter((m) => m.distance <= options.radiusMeters)
      .sort((a, b) => a.distance - b.distance || older(a.entry, b.entry));
    if (nearest) return { caseNumber: nearest.entry.caseNumber, distanceMeters: nearest.distance };
  }
  const [same] = byAddress.filter(recent).sort(older);
  return same ? { caseNumber: same.caseNumber } : undefined;
}

/**
 * 重复诉求 against the open-case index: one read by `_id` per cell near the report (its point's cells within the
 * radius, its address's cell), then exact distance and time checks in memory. Cases leave the index when they are
 * resolved, closed or merged, so a new report at the place of a finished case opens a new one.
 */
@Injectable()
export class OpenCases {
  constructor(
    @InjectModel(OPEN_CASE_CELL_MODEL) private readonly cells: Model<OpenCaseCellDoc>,
    @Inject(CONFIG) private readonly config: IntakeConfig,
  ) {}

  async findMaster(report: DedupReport, now: Date): Promise<DuplicateMatch | undefined> {
    if (!report.categoryCode || report.answeredDirectly) return undefined;
    const pointCells = report.location ? pointCellsWithin(report.categoryCode, report.location, this.config.INTAKE_DEDUP_RADIUS_METERS) : [];
    const addressCell = report.address ? addressCellKey(report.categoryCode, report.address) : undefined;
    const read = async (keys: readonly string[]) => (await Promise.all(keys.map((key) => this.cells.collection.findOne({ _id: key as never })))).flatMap((cell) => (cell?.cases as OpenCaseEntry[] | undefined) ?? []);
    const [byPoint, byAddress] = await Promise.all([read(pointCells), read(addressCell ? [addressCell] : [])]);
    return chooseMaster(report, byPoint, byAddress, {
      radiusMeters: this.config.INTAKE_DEDUP_RADIUS_METERS,
      since: now.getTime() - this.config.INTAKE_DEDUP_WINDOW_HOURS * 3_600_000,
    });
  }

  /**
   * Every open case of a category at a place — within the radius of the point, or at the same address (as routing
   * normalises it) — nearest first: what an operator is shown before logging a call there. No time window: an open
   * case is worth knowing about however old.
   */
  async near(categoryCode: string, place: { location?: { lng: number; lat: number }; address?: string }): Promise<OpenCaseNearby[]> {
    const pointCells = place.location ? pointCellsWithin(categoryCode, place.location, this.config.INTAKE_DEDUP_RADIUS_METERS) : [];
    const addressCell = place.address ? addressCellKey(categoryCode, place.address) : undefined;
    const read = async (keys: readonly string[]) => (await Promise.all(keys.map((key) => this.cells.collection.findOne({ _id: key as never })))).flatMap((cell) => (cell?.cases as OpenCaseEntry[] | undefined) ?? []);
    const [byPoint, byAddress] = await Promise.all([read(pointCells), read(addressCell ? [addressCell] : [])]);
    const found = new Map<string, OpenCaseNearby>();
    for (const entry of byPoint) {
      if (!place.location || entry.lng === undefined || entry.lat === undefined) continue;
      const distance = distanceMeters(place.location, { lng: entry.lng, lat: entry.lat });
      if (distance <= this.config.INTAKE_DEDUP_RADIUS_METERS) found.set(entry.caseNumber, { caseNumber: entry.caseNumber, matchedBy: 'point', distanceMeters: Math.round(distance), since: new Date(entry.at) });
    }
    for (const entry of byAddress) if (!found.has(entry.caseNumber)) found.set(entry.caseNumber, { caseNumber: entry.caseNumber, matchedBy: 'address', since: new Date(entry.at) });
    return [...found.values()].sort((a, b) => (a.distanceMeters ?? 0) - (b.distanceMeters ?? 0) || a.since.getTime() - b.since.getTime());
  }

  /** Files the case of a report under its cells (idempotent). */
  add(report: DedupReport, caseNumber: string): Promise<void> {
    return this.file(openCaseCellsOf(report), openCaseEntry(report, caseNumber));
  }

  async file(cells: readonly string[], entry: OpenCaseEntry): Promise<void> {
    await Promise.all(cells.map((cell) => this.cells.collection.updateOne({ _id: cell as never }, { $addToSet: { cases: entry } }, { upsert: true })));
  }

  /** Takes the case out of its cells (idempotent). */
  async unfile(cells: readonly string[], entry: OpenCaseEntry): Promise<void> {
    await Promise.all(cells.map((cell) => this.cells.collection.updateOne({ _id: cell as never }, { $pull: { cases: entry } as never })));
  }
}
