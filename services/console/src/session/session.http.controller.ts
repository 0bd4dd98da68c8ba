import { Body, Controller, Get, Headers, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { Public } from '@civicflow/platform';
import { STREAM_COOKIE } from '../stream/stream.http.controller';
import { relayAnswer, UpstreamClient } from '../upstream/upstream-client';

class LoginBody extends createZodDto(z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(256) })) {}
class RefreshBody extends createZodDto(z.object({ refreshToken: z.string().min(10).max(200) })) {}

/** 登录会话: the identity service's login, refresh, logout and "who am I", through the gateway (its answers unchanged). */
@ApiTags('session 登录')
@Controller('api/session')
export class SessionHttpController {
  constructor(private readonly upstream: UpstreamClient) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: '登录: identity’s POST /api/v1/auth/login → { accessToken, refreshToken, expiresIn, tokenType, user }; 401 wrong name or password; 429 locked' })
  async login(@Body() body: LoginBody, @Headers('accept-language') acceptLanguage: string | undefined, @Req() req: Request, @Res() res: Response): Promise<void> {
    const answer = await this.upstream.request('identity', '/api/v1/auth/login', { method: 'POST', json: body, acceptLanguage, forwardedFor: req.ip });
    relayAnswer(res, 'identity', answer, acceptLanguage);
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({ summary: '续期: identity’s POST /api/v1/auth/refresh → a new pair; 401 when the session ended' })
  async refresh(@Body() body: RefreshBody, @Headers('accept-language') acceptLanguage: string | undefined, @Req() req: Request, @Res() res: Response): Promise<void> {
    const answer = await this.upstream.request('identity', '/api/v1/auth/refresh', { method: 'POST', json: body, acceptLanguage, forwardedFor: req.ip });
    relayAnswer(res, 'identity', answer, acceptLanguage);
  }

  @Public() // identity checks the token
  @ApiBearerAuth()
  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: '退出: identity’s POST /api/v1/auth/logout; the live-stream cookie is cleared' })
  async logout(@Headers('authorization') authorization: string | undefined, @Headers('accept-language') acceptLanguage: string | undefined, @Res() res: Response): Promise<void> {
    const answer = await this.upstream.request('identity', '/api/v1/auth/logout', { method: 'POST', authorization, acceptLanguage });
    res.setHeader('set-cookie', `${STREAM_COOKIE}=; Path=/api/stream; Max-Age=0; HttpOnly; SameSite=Strict`);
    relayAnswer(res, 'identity', answer, acceptLanguage);
  }

  @Public() // identity checks the token and answers 401 itself
  @ApiBearerAuth()
  @Get('me')
  @ApiOperation({ summary: '当前用户: identity’s GET /api/v1/auth/me → { userId, name, role, unitId }' })
  async me(@Headers('authorization') authorization: string | undefined, @Headers('accept-language') acceptLanguage: string | undefined,
    @Res() res: Response): Promise<void> {
    const answer = await this.upstream.request('identity', '/api/v1/auth/me', { authorization, acceptLanguage });
    relayAnswer(res, 'identity', answer, acceptLanguage);
  }
}
