import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Model } from 'mongoose';
import { createZodDto } from 'nestjs-zod';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { says } from '@civicflow/contracts';
import { AuthUser, CurrentUser, PiiProtector, Roles } from '@civicflow/platform';
import { CONTACT_READ_MODEL, ContactReadDoc } from '../../contacts/contact-read.schema';
import { DisputeAccess, MEDIATE_ROLES } from '../../disputes/dispute-access';
import { notFound } from '../../shared/http-errors';
import { PartyRegister } from '../party-register';

class ReadContactQuery extends createZodDto(z.object({
  kind: z.enum(['phone', 'idNumber']).default('phone'),
  reason: z.string().trim().min(2, says('须说明查看原因（如 通知调解时间）', 'say why the full contact is needed')).max(200),
})) {}

/**
 * 查看完整联系方式: the dispute's mediators (and supervisors), with a reason; the read is recorded before the value
 * is decrypted — if the audit record cannot be written, nothing is shown.
 */
@ApiTags('parties 当事人')
@ApiBearerAuth()
@Controller('api/v1/mediation/disputes')
export class ReadPartyContactHttpController {
  constructor(private readonly access: DisputeAccess, private readonly parties: PartyRegister, private readonly protector: PiiProtector, @InjectModel(CONTACT_READ_MODEL) private readonly reads: Model<ContactReadDoc>) {}

  @Get(':disputeId/parties/:partyId/contact')
  @Roles(...MEDIATE_ROLES)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: '查看完整联系方式 read a party’s full phone or ID number (audited)' })
  async read(@Param('disputeId') disputeId: string, @Param('partyId') partyId: string, @Query() query: ReadContactQuery, @CurrentUser() reader: AuthUser) {
    await this.access.toMediate(reader, disputeId);
    const party = (await this.parties.partiesOf(disputeId)).find((p) => p.partyId === partyId);
    const contact = party?.[query.kind];
    if (!party || !contact) throw notFound(`当事人 ${partyId} 没有登记该联系方式`, `party ${partyId} has no ${query.kind} on record`);
    const read: ContactReadDoc = {
      _id: randomUUID(), disputeId, partyId, kind: query.kind, masked: contact.masked, reason: query.reason,
      readerId: reader.userId, readerName: reader.name, readerRole: reader.role, readerUnitId: reader.unitId, readAt: new Date(),
    };
    await this.reads.create(read);
    return { disputeId, partyId, kind: query.kind, value: this.protector.decrypt(contact.encrypted), masked: contact.masked, readId: read._id, readAt: read.readAt.toISOString() };
  }

  @Get(':disputeId/contact-reads')
  @Roles('supervisor', 'admin', 'street-coordinator')
  @ApiOperation({ summary: '联系方式查看记录 who read this dispute’s contacts' })
  async audit(@Param('disputeId') disputeId: string, @CurrentUser() user: AuthUser) {
    await this.access.toRead(user, disputeId);
    const items = await this.reads.find({ disputeId }).sort({ readAt: -1 }).limit(500).lean<ContactReadDoc[]>();
    return { disputeId, items: items.map(({ _id, ...r }) => ({ readId: _id, ...r })) };
  }
}
