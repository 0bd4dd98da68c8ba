import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CONFIG } from '@civicflow/platform';
import type { ConsoleConfig } from '../config';

export interface BasemapLayer {
  url: string;
  attribution?: string;
  subdomains: string[];
  maxZoom: number;
}

/** The basemap layers a city configured (CONSOLE_MAP_*), {key} filled in; none means the city's own drawing. */
export function basemapOf(config: Pick<ConsoleConfig, 'CONSOLE_MAP_TILE_URL' | 'CONSOLE_MAP_LABEL_URL' | 'CONSOLE_MAP_TILE_KEY' | 'CONSOLE_MAP_SUBDOMAINS' | 'CONSOLE_MAP_ATTRIBUTION' | 'CONSOLE_MAP_MAX_ZOOM'>): BasemapLayer[] {
  return [config.CONSOLE_MAP_TILE_URL, config.CONSOLE_MAP_LABEL_URL]
    .filter((url): url is string => !!url)
    .map((url, i) => ({
      url: url.replaceAll('{key}', encodeURIComponent(config.CONSOLE_MAP_TILE_KEY ?? '')),
      ...(i === 0 && config.CONSOLE_MAP_ATTRIBUTION ? { attribution: config.CONSOLE_MAP_ATTRIBUTION } : {}),
      subdomains: [...config.CONSOLE_MAP_SUBDOMAINS],
      maxZoom: config.CONSOLE_MAP_MAX_ZOOM,
    }));
}

/**
 * The origins the basemap's tiles come from, one per subdomain ({s}), for the page's Content-Security-Policy
 * (img-src): without them the browser refuses every tile. A template that is no URL adds none.
 */
export function basemapOrigins(layers: readonly BasemapLayer[]): string[] {
  const origins = layers.flatMap((layer) => (layer.url.includes('{s}') ? layer.subdomains : ['']).map((s) => {
    try {
      return new URL(layer.url.replaceAll('{s}', s).replaceAll(/\{[a-z]+\}/gi, '0')).origin;
    } catch {
      return null;
    }
  }));
  return [...new Set(origins.filter((o): o is string => !!o && o !== 'null'))];
}

/** 控制台设置: what the web app needs to know of this deployment (the basemap) beyond the services' APIs. */
@ApiTags('gateway 网关')
@ApiBearerAuth()
@Controller('api/console/config')
export class ConsoleConfigHttpController {
  constructor(@Inject(CONFIG) private readonly config: ConsoleConfig) {}

  @Get()
  @ApiOperation({ summary: 'The deployment’s settings for the web app: { map: { basemap: [{ url, attribution?, subdomains, maxZoom }] } } (empty basemap: the city’s own drawing)' })
  get() {
    return { map: { basemap: basemapOf(this.config) } };
  }
}
