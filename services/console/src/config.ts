import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { z } from 'zod';
import { serviceConfigSchema } from '@civicflow/platform';

/** One service's base URL, or its replicas' URLs comma-separated (the gateway spreads calls over them). */
const upstream = (port: number) => z.string().default(`http://127.0.0.1:${port}`)
  .transform((list) => list.split(',').map((url) => url.trim().replace(/\/+$/, '')).filter(Boolean))
  .pipe(z.array(z.url()).min(1));

export const consoleConfigSchema = serviceConfigSchema.extend({
  CONSOLE_PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Where each service's API answers (one URL, or its replicas' comma-separated); /api/<service>/* goes to <URL>/api/v1/*. */
  IDENTITY_URL: upstream(3010),
  HOTLINE_URL: upstream(3001),
  INTAKE_URL: upstream(3002),
  GRID_URL: upstream(3003),
  NOTIFICATION_URL: upstream(3005),
  CASEWORK_URL: upstream(3006),
  MEDIATION_URL: upstream(3007),
  /**
   * The live stream's consumer group. Every console instance must see every case event (its own browsers are
   * connected to it alone), so each instance needs a group of its own: the default is per host.
   */
  CONSOLE_CONSUMER_GROUP: z.string().min(1).default(`console-${hostname()}`),
  /** The live stream relays what happens from now on; a new group starts at the newest message. */
  KAFKA_FROM_BEGINNING: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  /** The built web app (npm run build -w @civicflow/console). */
  CONSOLE_WEB_DIST: z.string().min(1).default(resolve(__dirname, '..', 'web', 'dist')),
  /** How long a proxied call's upstream connection may stay idle (event streams send pings, so they stay open). */
  CONSOLE_PROXY_TIMEOUT_MS: z.coerce.number().int().min(1000).default(60_000),
  /**
   * 底图 the basemap the console's maps draw under the city's outlines: an XYZ tile template ({z} {x} {y}, {s} for a
   * subdomain, {key} for CONSOLE_MAP_TILE_KEY) — 天地图's WMTS takes the form
   * https://t{s}.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=vec&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk={key}
   * Unset: the maps draw the city's own streets, communities and grids with their names (works offline).
   */
  CONSOLE_MAP_TILE_URL: z.string().trim().min(1).optional(),
  /** a second tile layer drawn over the first, e.g. 天地图's place names (cva_w) */
  CONSOLE_MAP_LABEL_URL: z.string().trim().min(1).optional(),
  CONSOLE_MAP_TILE_KEY: z.string().trim().min(1).optional(),
  /** subdomains for {s}: 01234567 for 天地图 */
  CONSOLE_MAP_SUBDOMAINS: z.string().trim().min(1).default('abc'),
  CONSOLE_MAP_ATTRIBUTION: z.string().trim().max(300).default(''),
  CONSOLE_MAP_MAX_ZOOM: z.coerce.number().int().min(1).max(22).default(18),
  /** Heartbeat comment interval of the live stream. */
  CONSOLE_HEARTBEAT_MS: z.coerce.number().int().min(100).default(15_000),
});
export type ConsoleConfig = z.infer<typeof consoleConfigSchema>;
