import { Body, Controller, Get, HttpCode, Inject, Post, UnauthorizedException } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Model } from 'mongoose';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { Role } from '@civicflow/contracts';
import { AuthUser, CONFIG, CurrentUser, Public, signToken } from '@civicflow/platform';
import { IdentityConfig } from '../config';
import { verifyPassword } from '../users/password';
import { USER_MODEL, UserDoc } from '../users/user.schema';

class LoginDto extends createZodDto(z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(256) })) {}

@ApiTags('auth 登录')
@Controller('api/v1/auth')
export class LoginHttpController {
  constructor(@InjectModel(USER_MODEL) private readonly users: Model<UserDoc>, @Inject(CONFIG) private readonly config: IdentityConfig) {}

  /** 登录: a bearer token carrying the user's role and jurisdiction. One message for every failure, so names cannot be probed. */
  @Public()
  @Post('login')
  @HttpCode(200)
  async login(@Body() body: LoginDto) {
    const user = await this.users.findById(body.username).lean();
    if (!user || !user.active || !(await verifyPassword(body.password, user.passwordHash))) {
      throw new UnauthorizedException({ message: '用户名或密码错误 wrong username or password' });
    }
    const authUser: AuthUser = { userId: user._id, name: user.name, role: user.role as Role, unitId: user.unitId };
    return { accessToken: await signToken(authUser, this.config.JWT_SECRET, this.config.IDENTITY_TOKEN_TTL), tokenType: 'Bearer', user: authUser };
  }

  @ApiBearerAuth()
  @Get('me')
  me(@CurrentUser() user: AuthUser) {
    return user;
  }
}
