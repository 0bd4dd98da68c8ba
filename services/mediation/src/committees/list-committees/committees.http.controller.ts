import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FilterQuery } from 'mongoose';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { says } from '@civicflow/contracts';
import { AuthUser, CurrentUser, PiiProtector, Roles } from '@civicflow/platform';
import { DisputeAccess, READ_ROLES } from '../../disputes/dispute-access';
import { DisputeStore } from '../../disputes/dispute.store';
import { invalidField, notFound } from '../../shared/http-errors';
import { CommitteeDoc, MediatorDoc } from '../committee';
import { MediatorStore } from '../mediator.store';

class CommitteesQuery extends createZodDto(z.object({ streetId: z.string().min(1).optional(), level: z.enum(['community', 'street']).optional() })) {}

class PutMediatorDto extends createZodDto(z.object({
  name: z.string().trim().min(1).max(100),
  committeeId: z.string().trim().min(1),
  phone: z.string().trim().regex(/^\+?\d[\d\s-]{5,19}$/, says('须为电话号码', 'must be a phone number')).optional(),
  idNumber: z.string().trim().regex(/^\d{17}[\dXx]$/, says('须为18位居民身份证号', 'must be an 18-character resident ID number')).optional(),
  active: z.boolean().default(true),
})) {}

/**
 * Whose committees a user sees: the city sees all; others the committees of their own unit, of the units above it
 * (a community's street centre) and below it (a street's communities).
 */
export function committeeVisible(user: AuthUser, committee: Pick<CommitteeDoc, 'unitId' | 'streetId'>, cityUnitId: string): boolean {
  return user.unitId === cityUnitId || committee.unitId === user.unitId || committee.streetId === user.unitId
    || user.unitId.startsWith(`${committee.unitId}-`) || committee.unitId.startsWith(`${user.unitId}-`);
}

const mediatorView = (m: MediatorDoc, openDisputes?: number) => ({
  mediatorId: m._id, name: m.name, committeeId: m.committeeId, level: m.level, unitId: m.unitId, phoneMasked: m.phone?.masked ?? null, active: m.active,
  ...(openDisputes === undefined ? {} : { openDisputes }),
});

/** 调解组织: 人民调解委员会 (one per community) and 矛盾调解中心 (one per street), with their mediators and workloads. */
@ApiTags('committees 调解组织')
@ApiBearerAuth()
@Controller('api/v1/mediation')
export class CommitteesHttpController {
  constructor(private readonly store: MediatorStore, private readonly disputes: DisputeStore, private readonly access: DisputeAccess, private readonly protector: PiiProtector) {}

  @Get('committees')
  @Roles(...READ_ROLES)
  @ApiOperation({ summary: '调解组织 committees and centres in my jurisdiction' })
  async committees(@Query() q: CommitteesQuery, @CurrentUser() user: AuthUser) {
    const filter: FilterQuery<CommitteeDoc> = { ...(q.streetId ? { streetId: q.streetId } : {}), ...(q.level ? { level: q.level } : {}) };
    const found = await this.store.committees.find(filter).sort({ _id: 1 }).limit(1000).lean<CommitteeDoc[]>();
    const visible = found.filter((c) => committeeVisible(user, c, this.access.cityUnitId));
    return { items: visible.map((c) => ({ committeeId: c._id, name: c.name, level: c.level, unitId: c.unitId, streetId: c.streetId })) };
  }

  @Get('committees/:committeeId/mediators')
  @Roles(...READ_ROLES)
  @ApiOperation({ summary: '调解员 the members of a committee in my jurisdiction with their open disputes (workload)' })
  async mediators(@Param('committeeId') committeeId: string, @CurrentUser() user: AuthUser) {
    const committee = await this.store.committee(committeeId);
    // a list is scoped like its items: another unit's committee does not exist for the user
    if (!committee || !committeeVisible(user, committee, this.access.cityUnitId)) throw notFound(`调解组织 ${committeeId} 不存在`, `committee ${committeeId} not found`);
    const members = await this.store.mediators.find({ committeeId }).sort({ _id: 1 }).lean<MediatorDoc[]>();
    return { committeeId, name: committee.name, items: await Promise.all(members.map(async (m) => mediatorView(m, await this.disputes.openCount(m._id)))) };
  }

  @Put('mediators/:mediatorId')
  @Roles('admin')
  @ApiOperation({ summary: '登记调解员 register or update a mediator (user id = sign-in id); contacts encrypted' })
  async putMediator(@Param('mediatorId') mediatorId: string, @Body() body: PutMediatorDto) {
    const committee = await this.store.committee(body.committeeId);
    if (!committee) throw invalidField('committeeId', `调解组织 ${body.committeeId} 不存在`, `no committee ${body.committeeId}`);
    const existing = await this.store.mediator(mediatorId);
    const doc: MediatorDoc = {
      _id: mediatorId, name: body.name, committeeId: committee._id, level: committee.level, unitId: committee.unitId, streetId: committee.streetId,
      phone: body.phone ? this.protector.protect('phone', body.phone) : existing?.phone ?? null,
      idNumber: body.idNumber ? this.protector.protect('idNumber', body.idNumber) : existing?.idNumber ?? null,
      active: body.active, diaryRevision: existing?.diaryRevision ?? 0,
    };
    if (existing) await this.store.mediators.collection.replaceOne({ _id: mediatorId as never }, doc);
    else await this.store.mediators.collection.insertOne(doc as never);
    return mediatorView(doc);
  }
}
