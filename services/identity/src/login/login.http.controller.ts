import { Body, Controller, Get, HttpCode, HttpException, Post, Req, Res, UnauthorizedException } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Model } from 'mongoose';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { AuthUser, CurrentUser, Public } from '@civicflow/platform';
import { AuthAudit } from '../audit/auth-audit';
import { RefreshRefused, Sessions } from '../sessions/sessions';
import { LoginThrottle } from '../throttle/login-throttle';
import { verifyPasswordOf } from '../users/password';
import { USER_MODEL, UserDoc } from '../users/user.schema';

class LoginDto extends createZodDto(z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(256) })) {}
class RefreshDto extends createZodDto(z.object({ refreshToken: z.string().min(10).max(200) })) {}

const WRONG = () => new UnauthorizedException({ message: '用户名或密码错误 wrong username or password' });

/** 登录: sign-in with a password, refresh, sign-out; the services poll the revocation list. */
@ApiTags('auth 登录')
@Controller('api/v1/auth')
export class LoginHttpController {
  constructor(
    @InjectModel(USER_MODEL) private readonly users: Model<UserDoc>,
    private readonly sessions: Sessions,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuthAudit,
  ) {}

  /**
   * 登录: an access token (minutes) and a refresh token. One answer for every wrong name or password, taking the
   * same time for unknown names; too many wrong passwords lock the name for a while (429, audited).
   */
  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: '登录 sign in → { accessToken, refreshToken, expiresIn, tokenType, user }; 401 wrong name or password; 429 locked or too many attempts' })
  async login(@Body() body: LoginDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const verdict = await this.throttle.check(body.username, req.ip);
    if (!verdict.allowed) {
      res.setHeader('retry-after', String(verdict.retryAfterSeconds));
      throw new HttpException({ message: `尝试次数过多,请稍后再试 too many attempts; try again in ${verdict.retryAfterSeconds} s` }, 429);
    }
    const user = await this.users.findById(body.username).lean<UserDoc>();
    const matches = await verifyPasswordOf(user, body.password);
    if (!user || !matches || !user.active) {
      await this.throttle.failed(body.username, req.ip);
      await this.audit.record({ type: 'login-failed', actor: body.username, ip: req.ip });
      throw WRONG();
    }
    await this.throttle.succeeded(body.username);
    await this.audit.record({ type: 'login-succeeded', actor: user._id, subject: user._id, ip: req.ip });
    return this.sessions.start(user);
  }

  /** 续期: a refresh token (used once) for a new pair; 401 once the session ended or the user was deactivated. */
  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({ summary: '续期 a refresh token → a new { accessToken, refreshToken, … }; each refresh token works once' })
  async refresh(@Body() body: RefreshDto, @Req() req: Request) {
    try {
      return await this.sessions.refresh(body.refreshToken, req.ip);
    } catch (error) {
      if (error instanceof RefreshRefused) throw new UnauthorizedException({ message: '登录已失效,请重新登录 session ended; sign in again' });
      throw error;
    }
  }

  /** 退出: ends the session of the token; its tokens are refused everywhere within a revocation poll. */
  @ApiBearerAuth()
  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: '退出 end this session (its refresh token and, within a poll, its access tokens)' })
  async logout(@CurrentUser() user: AuthUser, @Req() req: Request): Promise<void> {
    if (user.sessionId) await this.sessions.revoke(user.sessionId, user.userId);
    await this.audit.record({ type: 'logout', actor: user.userId, subject: user.userId, ip: req.ip });
  }

  @ApiBearerAuth()
  @Get('me')
  me(@CurrentUser() user: AuthUser) {
    return { userId: user.userId, name: user.name, role: user.role, unitId: user.unitId };
  }

  /** 注销列表: sessions ended before their access tokens expire, for the services to refuse (no personal data). */
  @Public()
  @Get('revocations')
  @ApiOperation({ summary: 'Sessions ended early: { sessions: [{ sid, until }] } — polled by every service (JWT_REVOCATION_URL)' })
  revocations() {
    return this.sessions.feed();
  }
}
