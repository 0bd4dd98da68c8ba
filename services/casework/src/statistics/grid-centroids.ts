import { Inject, Injectable, Logger } from '@nestjs/common';
import { centroidOf, GridBoundary, LngLat } from './grid-centroid';
import { STATISTICS_CONFIG, StatisticsConfig } from './statistics.config';

const UPSTREAM_TIMEOUT_MS = 3000;
const MAX_CACHED_GRIDS = 10_000;

/**
 * Where the heat map puts each grid: its centroid, from the grid service's boundary (read with the caller's token),
 * kept for the life of the process; null when the grid service cannot tell (asked again next time).
 */
@Injectable()
export class GridCentroids {
  private readonly logger = new Logger(GridCentroids.name);
  private readonly centroids = new Map<string, LngLat | null>();

  constructor(@Inject(STATISTICS_CONFIG) private readonly config: StatisticsConfig) {}

  async of(gridId: string, authorization: string | undefined): Promise<LngLat | null> {
    if (this.centroids.has(gridId)) return this.centroids.get(gridId)!;
    const grid = await this.fetchGrid(gridId, authorization);
    if (grid === undefined) return null; // unreachable: try again next time
    const centroid = centroidOf(grid?.boundary);
    if (this.centroids.size >= MAX_CACHED_GRIDS) this.centroids.clear();
    this.centroids.set(gridId, centroid);
    return centroid;
  }

  /** The grid; null for a 404; undefined when the grid service could not answer. */
  private async fetchGrid(gridId: string, authorization: string | undefined): Promise<{ boundary?: GridBoundary } | null | undefined> {
    const path = `/api/v1/grids/${encodeURIComponent(gridId)}`;
    try {
      const res = await fetch(`${this.config.GRID_URL}${path}`, { headers: authorization ? { authorization } : {}, signal: AbortSignal.timeout(UPSTREAM_TIMEOUT_MS) });
      if (res.status === 404) return null;
      if (!res.ok) {
        this.logger.warn(`grid service answered ${res.status} for ${path}`);
        return undefined;
      }
      return (await res.json()) as { boundary?: GridBoundary };
    } catch (error) {
      this.logger.warn(`grid service unreachable for ${path}: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }
}
