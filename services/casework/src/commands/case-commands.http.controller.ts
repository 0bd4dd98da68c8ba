import { BadRequestException, Body, Controller, ForbiddenException, Get, Headers, HttpCode, NotFoundException, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Client } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { AuthUser, CurrentUser, parseInput } from '@civicflow/platform';
import { CaseCommandResult, caseCommandUpdates, CaseView } from '@civicflow/workflows';
import { says } from '@civicflow/contracts';
import { CASE_COMMAND_LABELS, mayIssue, roleNames, rolesFor } from '@civicflow/domain';
import { isCaseCommand } from './command-policy';
import { commandBodies } from './command-bodies';
import { toHttpError } from './command-errors';
import { CaseAccess } from './case-access';

/**
 * 案件办理命令: every command of the case workflow (签收, 退单, 升级, 吹哨, 报到, 答复, 办结 …) as an Update on the
 * case's workflow. The actor is the signed-in user; the request id makes a retried request the same Update.
 */
@ApiTags('case commands 案件办理')
@ApiBearerAuth()
@Controller('api/v1/cases')
export class CaseCommandsHttpController {
  constructor(private readonly temporal: Client, private readonly access: CaseAccess) {}

  @Post(':caseNumber/commands/:command')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a command (the Update of workflows/README.md; body = its argument without actor, checked against the command’s schema: 400 with the fields)' })
  async send(
    @Param('caseNumber') caseNumber: string,
    @Param('command') command: string,
    @Body() body: unknown,
    @CurrentUser() user: AuthUser,
    @Headers('x-request-id') requestId?: string,
  ): Promise<CaseCommandResult> {
    if (!isCaseCommand(command)) throw new NotFoundException({ message: `未知命令 unknown command: ${command}` });
    // a role that can never send the command (the role table, libs/domain/src/vocabulary/roles.ts) gets 403 before the case is read
    if (!mayIssue(user.role, command)) {
      const [who, allowed, what] = [roleNames([user.role]), roleNames(rolesFor(command)), CASE_COMMAND_LABELS[command]];
      throw new ForbiddenException({ message: `${who.zh}无权${what.zh}（仅限${allowed.zh}） a ${who.en} may not ${what.en}; allowed: ${allowed.en}` });
    }
    if (body !== undefined && (body === null || typeof body !== 'object' || Array.isArray(body))) {
      throw new BadRequestException({ message: '请求体须为对象 the body must be a JSON object', errors: [{ field: '(body)', code: 'invalid_type', reason: says('须为对象', 'expected an object') }] });
    }
    // the body is checked against the command's schema before anything reaches Temporal (the actor is never taken from it)
    const args = parseInput(commandBodies[command], body ?? {}) as Record<string, unknown>;
    await this.access.statusFor(user, caseNumber);
    const actor = { userId: user.userId, role: user.role, unitId: user.unitId };
    try {
      return await this.temporal.workflow.getHandle(caseNumber).executeUpdate(caseCommandUpdates[command] as typeof caseCommandUpdates.accept, {
        args: [{ ...args, actor }],
        updateId: requestId && requestId.length <= 200 ? requestId : randomUUID(),
      });
    } catch (error) {
      throw toHttpError(error, caseNumber);
    }
  }

  @Get(':caseNumber/status')
  @ApiOperation({ summary: 'The case as its workflow sees it now (caseStatus)' })
  status(@Param('caseNumber') caseNumber: string, @CurrentUser() user: AuthUser): Promise<CaseView> {
    return this.access.statusFor(user, caseNumber);
  }
}
