import { type GridMap, type LocationQuery, type LocationRouting, routeLocation } from '@civicflow/grid-routing';

export type { LocationQuery, LocationRouting } from '@civicflow/grid-routing';

/** Where the current map comes from: the service swaps in a new one after an import; tests pass a fixed one. */
export interface GridMapSource {
  current(): GridMap;
}

/**
 * 定位派单 for the grid service's callers (HTTP and Kafka): the shared routing function on the current map. Plain
 * TypeScript, so its tests build a map from a hand-drawn city and need no container.
 */
export class RouteLocationUseCase {
  constructor(private readonly maps: GridMapSource) {}

  execute(query: LocationQuery): LocationRouting {
    return routeLocation(this.maps.current(), query);
  }
}
