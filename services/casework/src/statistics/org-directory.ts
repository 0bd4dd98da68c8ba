import { Inject, Injectable, Logger } from '@nestjs/common';
import { defaultTaxonomy } from '@civicflow/domain';
import { namesOfTree, OrgTreeNode, serviceClientId, ServiceTokenSource, unitNameFrom } from '@civicflow/platform';
import { centroidOf, GridBoundary, LngLat } from './grid-centroid';
import { STATISTICS_CONFIG, StatisticsConfig } from './statistics.config';

const UPSTREAM_TIMEOUT_MS = 3000;
const MAX_CACHED_GRIDS = 10_000;

/** 类别名称: the minor category's Chinese name, else the major's, else the code. */
export function categoryName(code: string): string {
  const taxonomy = defaultTaxonomy();
  return taxonomy.minorByCode(code)?.zh ?? taxonomy.majorByCode(code)?.zh ?? code;
}

/**
 * Names of org units and grid centroids, from the grid service over HTTP with the caller's token (the org tree
 * is not personal data; any signed-in role may read it), or as casework's own identity `svc-casework` when no user
 * asks (the monthly report the schedule generates). The tree is cached for a few minutes and centroids for the
 * life of the process; when the grid service cannot answer, ids stand in for names and centroids are null.
 */
@Injectable()
export class OrgDirectory {
  private readonly logger = new Logger(OrgDirectory.name);
  private names?: { at: number; names: Map<string, string> };
  private readonly centroids = new Map<string, LngLat | null>();
  private readonly serviceTokens: ServiceTokenSource;

  constructor(@Inject(STATISTICS_CONFIG) private readonly config: StatisticsConfig) {
    this.serviceTokens = new ServiceTokenSource({ tokenUrl: config.SERVICE_TOKEN_URL, clientId: serviceClientId('casework'), clientSecret: config.CASEWORK_CLIENT_SECRET });
  }

  async unitNames(authorization: string | undefined): Promise<Map<string, string>> {
    if (this.names && Date.now() - this.names.at < this.config.STATISTICS_ORG_CACHE_MS) return this.names.names;
    const tree = await this.fetchJson<OrgTreeNode>('/api/v1/org/tree', authorization ?? (await this.ownAuthorization()));
    if (!tree) return this.names?.names ?? new Map();
    this.names = { at: Date.now(), names: namesOfTree(tree) };
    return this.names.names;
  }

  /** Display name of a group key (a unit the tree does not know by its department type's name, else its key). */
  async nameOf(groupBy: 'district' | 'street' | 'community' | 'department' | 'category' | 'grid', key: string, authorization: string | undefined): Promise<string> {
    if (groupBy === 'category') return categoryName(key);
    const names = await this.unitNames(authorization);
    return unitNameFrom(names, key)?.zh ?? key;
  }

  async gridCentroid(gridId: string, authorization: string | undefined): Promise<LngLat | null> {
    if (this.centroids.has(gridId)) return this.centroids.get(gridId)!;
    const grid = await this.fetchJson<{ boundary?: GridBoundary }>(`/api/v1/grids/${encodeURIComponent(gridId)}`, authorization);
    if (grid === undefined) return null; // unreachable: try again next time
    const centroid = centroidOf(grid?.boundary);
    if (this.centroids.size >= MAX_CACHED_GRIDS) this.centroids.clear();
    this.centroids.set(gridId, centroid);
    return centroid;
  }

  /** casework's own bearer token; undefined (names fall back to ids) while identity cannot issue one. */
  private async ownAuthorization(): Promise<string | undefined> {
    try {
      return `Bearer ${await this.serviceTokens.token()}`;
    } catch (error) {
      this.logger.warn(`no service token for the org tree: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }

  /** The parsed body; null for a 404; undefined when the grid service could not answer. */
  private async fetchJson<T>(path: string, authorization: string | undefined): Promise<T | null | undefined> {
    try {
      const res = await fetch(`${this.config.GRID_URL}${path}`, {
        headers: authorization ? { authorization } : {},
        signal: AbortSignal.timeout(UPSTREAM_TIMEOUT_MS),
      });
      if (res.status === 404) return null;
      if (!res.ok) {
        this.logger.warn(`grid service answered ${res.status} for ${path}`);
        return undefined;
      }
      return (await res.json()) as T;
    } catch (error) {
      this.logger.warn(`grid service unreachable for ${path}: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }
}
