import type { ConsoleConfig } from '../config';
import { UpstreamPool } from './upstream-pool';

/** The services the console reaches through the gateway, each under /api/<service>/. */
export const UPSTREAM_SERVICES = ['hotline', 'intake', 'grid', 'casework', 'notification', 'mediation', 'identity'] as const;
export type UpstreamService = (typeof UPSTREAM_SERVICES)[number];

export const SERVICE_NAMES_ZH: Record<UpstreamService, string> = {
  hotline: '12345热线', intake: '受理', grid: '网格', casework: '案件办理', notification: '通知', mediation: '矛盾调解', identity: '统一认证',
};

/** Each service's base URLs: one, or one per replica. */
export function upstreamBaseUrls(config: ConsoleConfig): Record<UpstreamService, readonly string[]> {
  return {
    hotline: config.HOTLINE_URL, intake: config.INTAKE_URL, grid: config.GRID_URL, casework: config.CASEWORK_URL,
    notification: config.NOTIFICATION_URL, mediation: config.MEDIATION_URL, identity: config.IDENTITY_URL,
  };
}

/** One pool of replicas per service, shared by the proxy, the gateway's own calls and the live stream. */
export type UpstreamPools = Record<UpstreamService, UpstreamPool>;
export const UPSTREAM_POOLS = Symbol('UPSTREAM_POOLS');

export function upstreamPools(config: ConsoleConfig): UpstreamPools {
  const bases = upstreamBaseUrls(config);
  return Object.fromEntries(UPSTREAM_SERVICES.map((service) => [service, new UpstreamPool(bases[service])])) as UpstreamPools;
}

/** The 502 body when a service cannot be reached, zh-CN first. */
export function upstreamDownBody(service: UpstreamService, locale: 'zh-CN' | 'en' = 'zh-CN') {
  const zh = `${SERVICE_NAMES_ZH[service]}服务(${service})暂不可用,请稍后重试`;
  const en = `the ${service} service is unavailable, please retry later`;
  return { statusCode: 502, error: 'Bad Gateway', message: locale === 'en' ? en : `${zh} ${en}`, service };
}
