import { Controller, Get, NotFoundException, Param, Post, Req, Res, UseFilters, UseInterceptors } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '@civicflow/platform';
import { ClientApp, ClientAppRegistry } from './client-apps';
import { apiKeyOf, requireClientApp } from './client-app.guard';
import { FindServiceRequestsQuery } from './find-service-requests/find-service-requests.query';
import { Open311ErrorFilter } from './open311-error.filter';
import { Open311FormBodyInterceptor } from './open311-form-body.interceptor';
import { open311ServiceDefinition, open311Services } from './open311-services';
import { parseServiceRequestBody, parseServiceRequestFilters } from './open311.dto';
import { OPEN311_CONTENT_TYPES, Open311Format, renderOpen311 } from './open311.format';
import { SubmitServiceRequestUseCase } from './submit-service-request/submit-service-request.usecase';

const SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';
/** When this endpoint's interface last changed (discovery's changeset). */
const CHANGESET = '2026-11-28T00:00:00+08:00';

function formatOf(extension: string): Open311Format {
  if (extension === 'xml' || extension === 'json') return extension;
  throw new NotFoundException({ message: `不支持的格式 unsupported format ".${extension}"; use .xml or .json` });
}

function reply(response: Response, format: Open311Format, root: string, body: unknown, status = 200): void {
  response.status(status).type(OPEN311_CONTENT_TYPES[format]).send(renderOpen311(format, root, body));
}

/**
 * Open311 GeoReport v2, so existing civic apps can submit and track requests. Discovery and the service list are
 * open; requests need a client app's api_key (scope open311), checked here rather than by the bearer guard — the
 * routes are @Public() to it — and answered, like every error here, in GeoReport's own error format.
 */
@ApiTags('open311 GeoReport v2')
@Public()
@UseFilters(Open311ErrorFilter)
@UseInterceptors(Open311FormBodyInterceptor)
@Controller('open311/v2')
export class Open311HttpController {
  constructor(
    private readonly apps: ClientAppRegistry,
    private readonly submitRequest: SubmitServiceRequestUseCase,
    private readonly findRequests: FindServiceRequestsQuery,
  ) {}

  @Get('discovery.:format')
  @ApiOperation({ summary: 'service discovery' })
  discovery(@Param('format') extension: string, @Req() request: Request, @Res() response: Response): void {
    const format = formatOf(extension);
    reply(response, format, 'discovery', {
      changeset: CHANGESET,
      contact: 'CivicFlow 12345 政务服务便民热线 — the 12345 platform office',
      key_service: '向 12345 平台管理员申请 api_key — ask the 12345 platform administrator for an api_key',
      endpoints: [
        {
          specification: SPECIFICATION,
          url: `${request.protocol}://${request.get('host')}/open311/v2`,
          changeset: CHANGESET,
          type: 'production',
          formats: [OPEN311_CONTENT_TYPES.xml.split(';')[0], OPEN311_CONTENT_TYPES.json.split(';')[0]],
        },
      ],
    });
  }

  @Get('services.:format')
  @ApiOperation({ summary: 'service list: one service per minor category of the 12345 taxonomy' })
  services(@Param('format') extension: string, @Res() response: Response): void {
    reply(response, formatOf(extension), 'services', open311Services());
  }

  @Get('services/:serviceCode.:format')
  @ApiOperation({ summary: 'service definition: its attributes' })
  serviceDefinition(@Param('serviceCode') serviceCode: string, @Param('format') extension: string, @Res() response: Response): void {
    const format = formatOf(extension);
    const definition = open311ServiceDefinition(serviceCode);
    if (!definition) throw new NotFoundException({ message: `未知的服务代码 unknown service_code "${serviceCode}"` });
    reply(response, format, 'service_definition', definition);
  }

  @Post('requests.:format')
  @ApiOperation({ summary: 'submit a service request (form-encoded or JSON, api_key required)' })
  async submit(@Param('format') extension: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const format = formatOf(extension);
    const app = this.clientOf(request);
    const receipt = await this.submitRequest.execute(parseServiceRequestBody(request.body), app);
    reply(response, format, 'service_requests', [receipt], 201);
  }

  @Get('requests.:format')
  @ApiOperation({ summary: 'the client app’s requests: service_request_id, service_code, start_date, end_date, status' })
  async list(@Param('format') extension: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const format = formatOf(extension);
    const app = this.clientOf(request);
    const requests = await this.findRequests.list(app, parseServiceRequestFilters(request.query));
    reply(response, format, 'service_requests', requests);
  }

  @Get('requests/:id.:format')
  @ApiOperation({ summary: 'one service request by its id (the case number)' })
  async one(@Param('id') id: string, @Param('format') extension: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const format = formatOf(extension);
    reply(response, format, 'service_requests', await this.findRequests.byId(this.clientOf(request), id));
  }

  @Get('tokens/:token.:format')
  @ApiOperation({ summary: 'the service_request_id behind a token' })
  async token(@Param('token') token: string, @Param('format') extension: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const format = formatOf(extension);
    const answer = await this.findRequests.token(this.clientOf(request), token);
    reply(response, format, 'service_requests', [answer]);
  }

  private clientOf(request: Request): ClientApp {
    return requireClientApp(this.apps, apiKeyOf(request), 'open311');
  }
}
