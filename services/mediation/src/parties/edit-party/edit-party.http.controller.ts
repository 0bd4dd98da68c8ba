import { Body, Controller, Param, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { AuthUser, CurrentUser, PiiProtector, Roles } from '@civicflow/platform';
import { MediatorStore } from '../../committees/mediator.store';
import { DisputeAccess, MEDIATE_ROLES } from '../../disputes/dispute-access';
import { PartyRegister } from '../party-register';
import { partyView } from '../../disputes/dispute.view';
import { notFound } from '../../shared/http-errors';
import { editPartySchema } from '../party.dto';
import { applyPartyEdit, assertMediatorNotParty } from '../parties';
import { PartyContactRegistrar } from '../register-contact/party-contact-registrar';

class EditPartyDto extends createZodDto(editPartySchema) {}

@ApiTags('parties 当事人')
@ApiBearerAuth()
@Controller('api/v1/mediation/disputes')
export class EditPartyHttpController {
  constructor(private readonly access: DisputeAccess, private readonly parties: PartyRegister, private readonly mediators: MediatorStore, private readonly protector: PiiProtector, private readonly registrar: PartyContactRegistrar) {}

  @Patch(':disputeId/parties/:partyId')
  @Roles(...MEDIATE_ROLES)
  @ApiOperation({ summary: '修改当事人 edit a party; contacts given are replaced (encrypted)' })
  async edit(@Param('disputeId') disputeId: string, @Param('partyId') partyId: string, @Body() body: EditPartyDto, @CurrentUser() user: AuthUser) {
    const found = await this.access.toMediate(user, disputeId);
    const current = (await this.parties.partiesOf(disputeId)).find((p) => p.partyId === partyId);
    if (!current) throw notFound(`当事人 ${partyId} 不存在`, `party ${partyId} not found`);
    const edited = applyPartyEdit(current, body, this.protector);
    assertMediatorNotParty(found.mediatorId ? await this.mediators.mediator(found.mediatorId) : null, [edited]);
    await this.parties.put(disputeId, edited);
    // a changed phone replaces the directory's entry under the same ref; a failure stays pending for the retry loop
    if (body.phone && (await this.registrar.registerDispute(disputeId)) > 0) edited.contactRegistered = true;
    return partyView(edited);
  }
}
