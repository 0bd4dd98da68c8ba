import { Body, Controller, Get, Headers, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { Public } from '@civicflow/platform';
import { relayAnswer, UpstreamClient } from '../upstream/upstream-client';

class LoginBody extends createZodDto(z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(256) })) {}

/** 登录会话: the identity service's login and "who am I", through the gateway (its answers unchanged). */
@ApiTags('session 登录')
@Controller('api/session')
export class SessionHttpController {
  constructor(private readonly upstream: UpstreamClient) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: '登录: identity’s POST /api/v1/auth/login → { accessToken, tokenType, user: { userId, name, role, unitId } }; 401 for a wrong name or password' })
  async login(@Body() body: LoginBody, @Headers('accept-language') acceptLanguage: string | undefined, @Res() res: Response): Promise<void> {
    const answer = await this.upstream.request('identity', '/api/v1/auth/login', { method: 'POST', json: body, acceptLanguage });
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
