import { Controller, Get, Headers, Inject, Query, Req, Res, UnauthorizedException } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AuthUser, CONFIG, InvalidTokenError, Public, TokenVerifier } from '@civicflow/platform';
import type { ConsoleConfig } from '../config';
import { UPSTREAM_POOLS, type UpstreamPools } from '../upstream/upstream-services';
import { relayInbox } from './inbox-relay';
import { LiveStreamHub } from './live-stream.hub';
import { sseComment, sseMessage } from './sse-parser';

/**
 * 实时推送: one server-sent-event stream per browser tab carrying the user's inbox (relayed from the
 * notification service) and the updates of cases their unit holds (from the case lifecycle topic).
 */
@ApiTags('live stream 实时推送')
@Controller('api/stream')
export class StreamHttpController {
  constructor(
    private readonly hub: LiveStreamHub,
    private readonly verifier: TokenVerifier,
    @Inject(CONFIG) private readonly config: ConsoleConfig,
    @Inject(UPSTREAM_POOLS) private readonly pools: UpstreamPools,
  ) {}

  @Public() // EventSource cannot send headers: the token comes as ?access_token= and is verified here like the guard does
  @Get()
  @ApiOperation({
    summary: 'Server-sent events for the signed-in user',
    description: 'Unnamed `data:` messages with JSON carrying `type`: `hello` {userId, role, unitId} first; `inbox-item` {item} for each new inbox item; '
      + '`case-updated` {caseNumber, eventType, unitId, stage} once casework’s lists show a change to a case the user’s unit sees (supervisors: all); '
      + '`screen-pop` {callRef, state: ringing|answered|hung-up, callerMasked, recordingRef?, at} for an operator a call is at; `inbox-status` {status: up|down|refused}. '
      + 'A `: heartbeat` comment every 15 s. 401 without a valid token.',
  })
  @ApiQuery({ name: 'access_token', required: true, description: 'the bearer token (EventSource cannot set headers)' })
  @ApiProduces('text/event-stream')
  async stream(@Query('access_token') accessToken: string | undefined, @Headers('authorization') authorization: string | undefined,
    @Req() req: Request, @Res() res: Response): Promise<void> {
    const token = accessToken ?? (/^bearer\s+(.+)$/i.exec(authorization ?? '')?.[1]);
    const user = await this.verify(token);
    res.status(200);
    res.setHeader('content-type', 'text/event-stream; charset=utf-8');
    res.setHeader('cache-control', 'no-cache, no-transform');
    res.setHeader('connection', 'keep-alive');
    res.setHeader('x-accel-buffering', 'no');
    res.flushHeaders();
    const write = (chunk: string) => {
      if (!res.writableEnded) res.write(chunk);
    };
    write('retry: 5000\n\n');
    write(sseMessage({ type: 'hello', userId: user.userId, role: user.role, unitId: user.unitId }));

    const aborted = new AbortController();
    const remove = this.hub.add({ user, write });
    const heartbeat = setInterval(() => write(sseComment('heartbeat')), this.config.CONSOLE_HEARTBEAT_MS);
    void relayInbox({
      // each (re)connection to the next notification replica in turn: a stopped one is left for another
      url: () => `${this.pools.notification.order()[0]}/api/v1/inbox/stream`,
      token: token!,
      signal: aborted.signal,
      onItem: (item) => write(sseMessage({ type: 'inbox-item', item })),
      onStatus: (status) => write(sseMessage({ type: 'inbox-status', status })),
    });
    req.on('close', () => {
      clearInterval(heartbeat);
      remove();
      aborted.abort();
    });
  }

  private async verify(token: string | undefined): Promise<AuthUser> {
    if (!token) throw new UnauthorizedException({ message: '缺少登录凭证 missing access_token' });
    try {
      return await this.verifier.verify(token);
    } catch (error) {
      if (error instanceof InvalidTokenError) throw new UnauthorizedException({ message: `登录凭证无效 invalid token: ${error.message}` });
      throw error;
    }
  }
}
