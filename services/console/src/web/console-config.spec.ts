import { consoleConfigSchema } from '../config';
import { basemapOf, basemapOrigins } from './console-config.http.controller';

const config = (env: Record<string, string>) => consoleConfigSchema.parse({ ...env });

describe('the basemap a city configures', () => {
  it('fills in the key and names every tile origin, one per subdomain, for the page’s image policy', () => {
    const layers = basemapOf(config({
      CONSOLE_MAP_TILE_URL: 'https://t{s}.tianditu.gov.cn/vec_w/wmts?TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk={key}',
      CONSOLE_MAP_LABEL_URL: 'https://t{s}.tianditu.gov.cn/cva_w/wmts?TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk={key}',
      CONSOLE_MAP_TILE_KEY: 'k&1', CONSOLE_MAP_SUBDOMAINS: '01',
    }));
    expect(layers[0].url).toContain('tk=k%261');
    expect(basemapOrigins(layers)).toEqual(['https://t0.tianditu.gov.cn', 'https://t1.tianditu.gov.cn']);
  });

  it('a template without {s} has one origin (its port kept); none configured, none', () => {
    expect(basemapOrigins(basemapOf(config({ CONSOLE_MAP_TILE_URL: 'http://127.0.0.1:8090/{z}/{x}/{y}.png' })))).toEqual(['http://127.0.0.1:8090']);
    expect(basemapOrigins(basemapOf(config({})))).toEqual([]);
  });

  it('a template that is no URL adds no origin', () => {
    expect(basemapOrigins(basemapOf(config({ CONSOLE_MAP_TILE_URL: 'tiles/{z}/{x}/{y}.png' })))).toEqual([]);
  });
});
