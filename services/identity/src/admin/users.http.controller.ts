import { BadRequestException, Body, ConflictException, Controller, Get, HttpCode, NotFoundException, Param, Patch, Post, Put, Query, Req } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Model } from 'mongoose';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { roleSchema, says } from '@civicflow/contracts';
import { AuthUser, CurrentUser, Roles } from '@civicflow/platform';
import { AuthAudit } from '../audit/auth-audit';
import { Sessions } from '../sessions/sessions';
import { hashPassword, passwordProblem } from '../users/password';
import { USER_MODEL, UserDoc } from '../users/user.schema';

/** People's roles: a service identity is a client of the token endpoint, never a user account. */
const personRole = roleSchema.exclude(['service']);
const username = z.string().trim().regex(/^[a-z][a-z0-9._-]{2,63}$/, says('3–64 个字符：小写字母、数字、. _ -，以字母开头', '3–64 characters: lower-case letters, digits, . _ - (starting with a letter)'));
const unitId = z.string().trim().regex(/^[a-z0-9][a-z0-9-]{0,99}$/, says('须为组织单元或部门编号，如 bf-d01-s01 或 dept-water', 'an org unit or department id, like bf-d01-s01 or dept-water'));
const name = z.string().trim().min(1).max(100);
const password = z.string().min(1).max(256);

class CreateUserDto extends createZodDto(z.object({ username, name, role: personRole, unitId, password })) {}
class RescopeUserDto extends createZodDto(z.object({ name: name.optional(), role: personRole.optional(), unitId: unitId.optional() })) {}
class PasswordDto extends createZodDto(z.object({ password })) {}
class AuditQuery extends createZodDto(z.object({ subject: z.string().max(64).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) })) {}

const view = (u: UserDoc) => ({ userId: u._id, name: u.name, role: u.role, unitId: u.unitId, active: u.active, openSessions: (u.sessions ?? []).filter((s) => new Date(s.expiresAt).getTime() > Date.now()).length });

function assertStrong(value: string): void {
  const problem = passwordProblem(value);
  if (problem) throw new BadRequestException({ message: '密码太弱 password too weak', errors: [{ field: 'password', code: problem.code, reason: says(problem.zh, problem.en) }] });
}

/**
 * 用户管理 (admin): create users, change their role or jurisdiction, deactivate them, reset passwords. Every
 * change that narrows what a user may do ends their sessions at once; every change is audited.
 */
@ApiTags('users 用户管理')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/v1')
export class UsersHttpController {
  constructor(@InjectModel(USER_MODEL) private readonly users: Model<UserDoc>, private readonly sessions: Sessions, private readonly audit: AuthAudit) {}

  @Get('users')
  @ApiOperation({ summary: '用户列表 users (no password hashes)' })
  async list() {
    const found = await this.users.find({}, { passwordHash: 0 }).sort({ _id: 1 }).limit(5000).lean<UserDoc[]>();
    return { items: found.map(view) };
  }

  @Post('users')
  @ApiOperation({ summary: '新建用户 create a user (password: 12+ characters, not only letters or only digits)' })
  async create(@Body() body: CreateUserDto, @CurrentUser() admin: AuthUser, @Req() req: Request) {
    assertStrong(body.password);
    const now = new Date();
    const doc: UserDoc = { _id: body.username, name: body.name, role: body.role, unitId: body.unitId, passwordHash: await hashPassword(body.password), active: true, sessions: [], createdAt: now, updatedAt: now };
    try {
      await this.users.collection.insertOne(doc as never);
    } catch (error) {
      if ((error as { code?: number }).code === 11000) throw new ConflictException({ message: `用户 ${body.username} 已存在 user already exists` });
      throw error;
    }
    await this.audit.record({ type: 'user-created', actor: admin.userId, subject: body.username, ip: req.ip, detail: { role: body.role, unitId: body.unitId } });
    return view(doc);
  }

  @Patch('users/:username')
  @ApiOperation({ summary: '调整用户 change name, role or jurisdiction (a new role or unit ends the user’s sessions)' })
  async rescope(@Param('username') id: string, @Body() body: RescopeUserDto, @CurrentUser() admin: AuthUser, @Req() req: Request) {
    const user = await this.load(id);
    const changes = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
    await this.users.updateOne({ _id: id }, { $set: { ...changes, updatedAt: new Date() } });
    const rescoped = (body.role !== undefined && body.role !== user.role) || (body.unitId !== undefined && body.unitId !== user.unitId);
    const ended = rescoped ? await this.sessions.revokeAllOf(id) : 0;
    await this.audit.record({ type: 'user-updated', actor: admin.userId, subject: id, ip: req.ip, detail: { before: { role: user.role, unitId: user.unitId }, changes, sessionsEnded: ended } });
    return view(await this.load(id));
  }

  @Post('users/:username/deactivate')
  @HttpCode(200)
  @ApiOperation({ summary: '停用 deactivate: no more sign-ins, sessions end, tokens refused within a revocation poll' })
  async deactivate(@Param('username') id: string, @CurrentUser() admin: AuthUser, @Req() req: Request) {
    await this.load(id);
    await this.users.updateOne({ _id: id }, { $set: { active: false, updatedAt: new Date() } });
    const ended = await this.sessions.revokeAllOf(id);
    await this.audit.record({ type: 'user-deactivated', actor: admin.userId, subject: id, ip: req.ip, detail: { sessionsEnded: ended } });
    return view(await this.load(id));
  }

  @Post('users/:username/activate')
  @HttpCode(200)
  @ApiOperation({ summary: '启用 activate again' })
  async activate(@Param('username') id: string, @CurrentUser() admin: AuthUser, @Req() req: Request) {
    await this.load(id);
    await this.users.updateOne({ _id: id }, { $set: { active: true, updatedAt: new Date() } });
    await this.audit.record({ type: 'user-activated', actor: admin.userId, subject: id, ip: req.ip });
    return view(await this.load(id));
  }

  @Put('users/:username/password')
  @ApiOperation({ summary: '重置密码 set a new password (ends the user’s sessions)' })
  async resetPassword(@Param('username') id: string, @Body() body: PasswordDto, @CurrentUser() admin: AuthUser, @Req() req: Request) {
    await this.load(id);
    assertStrong(body.password);
    await this.users.updateOne({ _id: id }, { $set: { passwordHash: await hashPassword(body.password), updatedAt: new Date() } });
    const ended = await this.sessions.revokeAllOf(id);
    await this.audit.record({ type: 'password-reset', actor: admin.userId, subject: id, ip: req.ip, detail: { sessionsEnded: ended } });
    return view(await this.load(id));
  }

  @Get('auth/audit')
  @ApiOperation({ summary: '安全审计 sign-ins, lockouts and account changes, newest first' })
  async auditTrail(@Query() query: AuditQuery) {
    return { items: await this.audit.latest(query.limit, query.subject) };
  }

  private async load(id: string): Promise<UserDoc> {
    const user = await this.users.findById(id).lean<UserDoc>();
    if (!user) throw new NotFoundException({ message: `用户 ${id} 不存在 no such user` });
    return user;
  }
}
