import { Controller, Get, Headers, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AuthUser, bearerTokenOf, CONFIG, CurrentUser, InvalidTokenError, Public, TokenVerifier, unauthorized } from '@civicflow/platform';
import type { ConsoleConfig } from '../config';
import { UPSTREAM_POOLS, type UpstreamPools } from '../upstream/upstream-services';
import { relayInbox } from './inbox-relay';
import { LiveStreamHub } from './live-stream.hub';
import { sseComment, sseMessage } from './sse-parser';

/** The cookie that lets the browser's EventSource (which cannot send headers) open the stream: path-bound, HttpOnly. */
export const STREAM_COOKIE = 'civicflow_stream';

function cookieOf(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

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

  /**
   * A token never goes into a URL (logs, history). The page calls this with its Authorization header; the answer
   * sets an HttpOnly cookie valid for /api/stream only, as long as the token, which EventSource then sends.
   */
  @ApiBearerAuth()
  @Post('session')
  @HttpCode(204)
  @ApiOperation({ summary: 'Lets this browser open the live stream: sets an HttpOnly, SameSite=Strict cookie for /api/stream (the bearer token’s lifetime)' })
  open(@Headers('authorization') authorization: string, @CurrentUser() _user: AuthUser, @Req() req: Request, @Res({ passthrough: true }) res: Response): void {
    const token = bearerTokenOf(authorization)!;
    const { exp } = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as { exp: number };
    const maxAge = Math.max(0, exp - Math.floor(Date.now() / 1000));
    const secure = req.secure || req.headers['x-forwarded-proto'] === 'https';
    res.setHeader('set-cookie', `${STREAM_COOKIE}=${encodeURIComponent(token)}; Path=/api/stream; Max-Age=${maxAge}; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`);
  }

  @Public() // verified here from the stream cookie (or an Authorization header), like the guard does
  @Get()
  @ApiOperation({
    summary: 'Server-sent events for the signed-in user',
    description: 'Unnamed `data:` messages with JSON carrying `type`: `hello` {userId, role, unitId} first; `inbox-item` {item} for each new inbox item; '
      + '`case-updated` {caseNumber, eventType, unitId, stage} once casework’s lists show a change to a case the user’s unit sees (supervisors: all); '
      + '`screen-pop` {callRef, state: ringing|answered|hung-up, callerMasked, recordingRef?, at} for an operator a call is at; `inbox-status` {status: up|down|refused}. '
      + 'A `: heartbeat` comment every 15 s; the stream ends when the session is ended. 401 without a valid token: POST /api/stream/session first '
      + '(or send the Authorization header).',
  })
  @ApiProduces('text/event-stream')
  async stream(@Headers('authorization') authorization: string | undefined, @Req() req: Request, @Res() res: Response): Promise<void> {
    const token = bearerTokenOf(authorization) ?? cookieOf(req.headers.cookie, STREAM_COOKIE);
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
    const heartbeat = setInterval(() => {
      // a session ended (logout, deactivated user) closes its streams too
      if (this.verifier.isRevoked(user)) return void res.end();
      write(sseComment('heartbeat'));
    }, this.config.CONSOLE_HEARTBEAT_MS);
    void relayInbox({
      // each (re)connection to the next notification replica in turn: a stopped one is left for another
      url: () => `${this.pools.notification.order()[0]}/api/v1/inbox/stream`,
      token: token!,
      signal: aborted.signal,
      onItem: (item) => write(sseMessage({ type: 'inbox-item', item })),
      onStatus: (status) => write(sseMessage({ type: 'inbox-status', status })),
    });
    const close = () => {
      clearInterval(heartbeat);
      remove();
      aborted.abort();
    };
    req.on('close', close);
    res.on('finish', close);
  }

  private async verify(token: string | undefined): Promise<AuthUser> {
    if (!token) throw unauthorized('missing');
    try {
      return await this.verifier.verify(token);
    } catch (error) {
      if (error instanceof InvalidTokenError) throw unauthorized(error);
      throw error;
    }
  }
}
