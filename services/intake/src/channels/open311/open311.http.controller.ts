import { All, Controller, Delete, Get, HttpCode, NotFoundException, Param, Post, Req, Res, UseFilters, UseInterceptors } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '@civicflow/platform';
import { ClientApp, ClientAppRegistry } from './client-apps';
import { apiKeyOf, requireClientApp } from './client-app.guard';
import { FindServiceRequestsQuery } from './find-service-requests/find-service-requests.query';
import { Open311ErrorFilter } from './open311-error.filter';
import { Open311FormBodyInterceptor } from './open311-form-body.interceptor';
import { open311ServiceDefinition, open311Services } from './open311-services';
import { DAY_MS, parseDateRange, parseServiceRequestBody, parseServiceRequestFilters } from './open311.dto';
import { OPEN311_CONTENT_TYPES, Open311Format, renderOpen311 } from './open311.format';
import { Viewer } from './open311-request.view';
import { SubmitServiceRequestUseCase } from './submit-service-request/submit-service-request.usecase';
import { RequestUpdates } from './updates/request-updates';
import { ClientWebhooks } from './webhooks/client-webhooks';

const SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';
/** When this endpoint's interface last changed (discovery's changeset). */
const CHANGESET = '2026-12-07T00:00:00+08:00';

function formatOf(extension: string): Open311Format {
  if (extension === 'xml' || extension === 'json') return extension;
  throw new NotFoundException({ message: `不支持的格式 unsupported format ".${extension}"; use .xml or .json` });
}

function reply(response: Response, format: Open311Format, root: string, body: unknown, status = 200): void {
  response.status(status).type(OPEN311_CONTENT_TYPES[format]).send(renderOpen311(format, root, body));
}

/**
 * Open311 GeoReport v2, so existing civic apps can submit and track requests. Reads are open, as the spec has them
 * (discovery, services, requests, tokens, and FixMyStreet's servicerequestupdates), in the public view; a client
 * app's api_key (scope open311) is needed to POST and to manage its webhooks, and shows that app its own requests
 * in full. Keys are checked here rather than by the bearer guard (the routes are @Public() to it), and every
 * answer, errors included, comes in the format the client asked for.
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
    private readonly updates: RequestUpdates,
    private readonly webhooks: ClientWebhooks,
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
  @ApiOperation({ summary: 'submit a service request (form-encoded, multipart or JSON; api_key required)' })
  async submit(@Param('format') extension: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const format = formatOf(extension);
    const app = this.clientOf(request);
    const receipt = await this.submitRequest.execute(parseServiceRequestBody(request.body), app);
    reply(response, format, 'service_requests', [receipt], 201);
  }

  @Get('requests.:format')
  @ApiOperation({ summary: 'service requests (no key needed): service_request_id, service_code, start_date, end_date, status' })
  async list(@Param('format') extension: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const format = formatOf(extension);
    const requests = await this.findRequests.list(this.viewerOf(request), parseServiceRequestFilters(request.query));
    reply(response, format, 'service_requests', requests);
  }

  @Get('requests/:id.:format')
  @ApiOperation({ summary: 'one service request by its id (no key needed)' })
  async one(@Param('id') id: string, @Param('format') extension: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const format = formatOf(extension);
    reply(response, format, 'service_requests', await this.findRequests.byId(this.viewerOf(request), id));
  }

  @Get('tokens/:token.:format')
  @ApiOperation({ summary: 'the service_request_id behind a token (no key needed)' })
  async token(@Param('token') token: string, @Param('format') extension: string, @Res() response: Response): Promise<void> {
    const format = formatOf(extension);
    reply(response, format, 'service_requests', [await this.findRequests.token(token)]);
  }

  @Get('servicerequestupdates.:format')
  @ApiOperation({ summary: 'FixMyStreet extension: every change of status and notes between start_date and end_date (default: the last 24 hours)' })
  async requestUpdates(@Param('format') extension: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const format = formatOf(extension);
    this.viewerOf(request);
    const range = parseDateRange(request.query);
    const end = range.end ?? new Date();
    const start = range.start ?? new Date(end.getTime() - DAY_MS);
    reply(response, format, 'service_requests_updates', await this.updates.between(start, end));
  }

  @Post('webhooks.:format')
  @ApiOperation({ summary: 'register a webhook for the app’s requests’ status changes (api_key; answers the signing secret once)' })
  async registerWebhook(@Param('format') extension: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const format = formatOf(extension);
    const hook = await this.webhooks.register(this.clientOf(request), (request.body ?? {}) as Record<string, unknown>);
    reply(response, format, 'webhooks', [hook], 201);
  }

  @Get('webhooks.:format')
  @ApiOperation({ summary: 'the app’s webhooks (api_key)' })
  async listWebhooks(@Param('format') extension: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const format = formatOf(extension);
    reply(response, format, 'webhooks', await this.webhooks.list(this.clientOf(request)));
  }

  @Get('webhooks/dead_letters.:format')
  @ApiOperation({ summary: 'deliveries that failed every attempt, newest first (api_key)' })
  async deadLetters(@Param('format') extension: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const format = formatOf(extension);
    reply(response, format, 'dead_letters', await this.webhooks.deadLettersOf(this.clientOf(request)));
  }

  @Delete('webhooks/:id.:format')
  @HttpCode(200)
  @ApiOperation({ summary: 'remove a webhook (api_key)' })
  async removeWebhook(@Param('id') id: string, @Param('format') extension: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const format = formatOf(extension);
    await this.webhooks.remove(this.clientOf(request), id);
    reply(response, format, 'webhooks', []);
  }

  /** Anything else under /open311/v2 is a 404 in the format the client asked for (no operation: not described). */
  @ApiExcludeEndpoint()
  @All('*path')
  notFound(@Req() request: Request): never {
    throw new NotFoundException({ message: `没有这个资源 no such resource: ${request.method} ${request.path}` });
  }

  private clientOf(request: Request): ClientApp {
    return requireClientApp(this.apps, apiKeyOf(request), 'open311');
  }

  /** A key is not needed to read; one given must be valid, and shows its app its own requests in full. */
  private viewerOf(request: Request): Viewer {
    const key = apiKeyOf(request);
    return key ? { app: this.clientOf(request).name } : {};
  }
}
