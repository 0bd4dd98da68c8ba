import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { CONFIG } from '@civicflow/platform';
import { IntakeConfig } from '../../config';
import { CASE_MODEL, CaseDoc } from '../case.schema';
import { distanceMeters, nearbyDedupKeys } from './nearby';

export interface DuplicateMatch {
  master: CaseDoc;
  distanceMeters: number;
}

/**
 * 重复诉求: an open case of the same category within the radius and the time window. One equality query per
 * neighbouring cell (FerretDB pushes only equality down), then exact distance and time checks in memory.
 */
@Injectable()
export class DuplicateFinder {
  constructor(@InjectModel(CASE_MODEL) private readonly cases: Model<CaseDoc>, @Inject(CONFIG) private readonly config: IntakeConfig) {}

  async findMaster(categoryCode: string | undefined, point: { lng: number; lat: number } | undefined, at: Date): Promise<DuplicateMatch | undefined> {
    if (!categoryCode || !point) return undefined;
    const since = at.getTime() - this.config.INTAKE_DEDUP_WINDOW_HOURS * 3_600_000;
    const candidates = (await Promise.all(nearbyDedupKeys(categoryCode, point).map((key) => this.cases.find({ dedupKey: key }).lean()))).flat();
    return candidates
      .filter((c) => c.status === 'routed' && c.location && c.registeredAt.getTime() >= since)
      .map((c) => ({ master: c, distanceMeters: distanceMeters(point, c.location!) }))
      .filter((m) => m.distanceMeters <= this.config.INTAKE_DEDUP_RADIUS_METERS)
      .sort((a, b) => a.distanceMeters - b.distanceMeters || a.master.registeredAt.getTime() - b.master.registeredAt.getTime())[0];
  }
}
