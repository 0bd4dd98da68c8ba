import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { says } from '@civicflow/contracts';
import { AuthUser, CurrentUser, Roles } from '@civicflow/platform';
import { DisputeAccess, MEDIATE_ROLES, READ_ROLES } from '../disputes/dispute-access';
import { RecordSessionUseCase } from './record-minutes/record-session.usecase';
import { consultationRecordSchema } from './record-consultation/consultation-record.dto';
import { ScheduleSessionUseCase } from './schedule-session/schedule-session.usecase';
import { SessionDoc } from './session';
import { SessionStore } from './session.store';

const instant = z.iso.datetime({ offset: true, error: says('须为带时区的 ISO 时间', 'must be an ISO date-time with offset') });

class ScheduleSessionDto extends createZodDto(z.object({
  startsAt: instant,
  endsAt: instant,
  place: z.string().trim().min(1, says('须填写调解地点', 'the session needs a place')).max(200),
  attendeeIds: z.array(z.string().trim().min(1).max(100)).min(1, says('须至少有一名参加人', 'a session needs at least one attendee')).max(50),
  consultation: z.boolean().default(false).describe('a "3+X" consultation (四方共议) rather than an ordinary session'),
})) {}

class RecordMinutesDto extends createZodDto(z.object({
  minutesSummary: z.string().trim().min(1, says('须填写调解记录', 'the minutes must not be empty')).max(4000),
})) {}

class RecordConsultationDto extends createZodDto(consultationRecordSchema) {}

export function sessionView(s: SessionDoc) {
  return {
    sessionId: s._id, disputeId: s.disputeId, mediatorId: s.mediatorId, startsAt: new Date(s.startsAt).toISOString(), endsAt: new Date(s.endsAt).toISOString(),
    place: s.place, attendeeIds: s.attendeeIds, consultation: s.consultation, status: s.status, minutesSummary: s.minutesSummary,
    consultationRecord: s.consultationRecord, reminded: s.reminded,
  };
}

@ApiTags('sessions 调解')
@ApiBearerAuth()
@Controller('api/v1/mediation/disputes')
export class SessionsHttpController {
  constructor(
    private readonly access: DisputeAccess,
    private readonly sessions: SessionStore,
    private readonly schedule: ScheduleSessionUseCase,
    private readonly record: RecordSessionUseCase,
  ) {}

  @Post(':disputeId/sessions')
  @Roles(...MEDIATE_ROLES)
  @ApiOperation({ summary: '安排调解 schedule a session or a 3+X consultation (400 past times; 409 overlaps the mediator’s diary or the dispute’s state)' })
  async scheduleSession(@Param('disputeId') disputeId: string, @Body() body: ScheduleSessionDto, @CurrentUser() user: AuthUser) {
    const dispute = await this.access.toMediate(user, disputeId);
    return sessionView(await this.schedule.execute(dispute, body, user));
  }

  @Get(':disputeId/sessions')
  @Roles(...READ_ROLES)
  @ApiOperation({ summary: '调解安排 the dispute’s sessions in time order, with minutes' })
  async list(@Param('disputeId') disputeId: string, @CurrentUser() user: AuthUser) {
    await this.access.toRead(user, disputeId);
    return { disputeId, items: (await this.sessions.ofDispute(disputeId)).map(sessionView) };
  }

  @Post(':disputeId/sessions/:sessionId/minutes')
  @Roles(...MEDIATE_ROLES)
  @ApiOperation({ summary: '调解记录 record the minutes of a session that has started' })
  async minutes(@Param('disputeId') disputeId: string, @Param('sessionId') sessionId: string, @Body() body: RecordMinutesDto, @CurrentUser() user: AuthUser) {
    const dispute = await this.access.toMediate(user, disputeId);
    return sessionView(await this.record.execute(dispute, sessionId, { minutesSummary: body.minutesSummary, consultationRecord: null }, user));
  }

  @Post(':disputeId/sessions/:sessionId/consultation')
  @Roles(...MEDIATE_ROLES)
  @ApiOperation({ summary: '3+X 四方共议记录 record who took part (社区党组织、居委会、物业公司、业委会 + X) and what each side committed to' })
  async consultation(@Param('disputeId') disputeId: string, @Param('sessionId') sessionId: string, @Body() body: RecordConsultationDto, @CurrentUser() user: AuthUser) {
    const dispute = await this.access.toMediate(user, disputeId);
    const { minutesSummary, participants, commitments } = body;
    return sessionView(await this.record.execute(dispute, sessionId, {
      minutesSummary,
      consultationRecord: {
        participants: participants.map((p) => ({ side: p.side, name: p.name, organisation: p.organisation ?? null })),
        commitments: commitments.map((c) => ({ side: c.side, by: c.by, commitment: c.commitment, dueAt: c.dueAt ?? null })),
      },
    }, user));
  }
}
