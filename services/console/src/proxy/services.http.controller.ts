import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CONFIG, Public } from '@civicflow/platform';
import type { ConsoleConfig } from '../config';
import { SERVICE_NAMES_ZH, UPSTREAM_SERVICES, upstreamBaseUrls } from '../upstream/upstream-services';

const PROXY_NOTE = '`/api/<service>/*` is proxied to that service’s own `/api/v1/*` (hotline, intake, grid, casework, notification, mediation, '
  + 'identity): method, query, body and the Authorization header pass through; status and error bodies come back unchanged; an unreachable '
  + 'service answers 502 naming it. Tokens go in the Authorization header only (never in a URL). Each service documents its '
  + 'own API at its `/api/docs` (listed by this route).';

/** 网关说明: which services the gateway fronts, and where each documents its API. */
@ApiTags('gateway 网关')
@Controller('api/services')
export class ServicesHttpController {
  constructor(@Inject(CONFIG) private readonly config: ConsoleConfig) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'The services behind /api/<service>/* and their own API docs', description: PROXY_NOTE })
  services() {
    const bases = upstreamBaseUrls(this.config);
    return UPSTREAM_SERVICES.map((service) => ({
      service, name: SERVICE_NAMES_ZH[service], prefix: `/api/${service}`, upstream: `${bases[service][0]}/api/v1`, docs: `${bases[service][0]}/api/docs`,
      replicas: bases[service].length,
    }));
  }
}
