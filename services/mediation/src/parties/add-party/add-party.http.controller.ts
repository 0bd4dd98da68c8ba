import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { AuthUser, CurrentUser, PiiProtector, Roles } from '@civicflow/platform';
import { MediatorStore } from '../../committees/mediator.store';
import { DisputeAccess, MEDIATE_ROLES } from '../../disputes/dispute-access';
import { PartyRegister } from '../party-register';
import { partyView } from '../../disputes/dispute.view';
import { partySchema } from '../party.dto';
import { assertMediatorNotParty, toPartyDoc } from '../parties';
import { PartyContactRegistrar } from '../register-contact/party-contact-registrar';

class AddPartyDto extends createZodDto(partySchema) {}

@ApiTags('parties 当事人')
@ApiBearerAuth()
@Controller('api/v1/mediation/disputes')
export class AddPartyHttpController {
  constructor(private readonly access: DisputeAccess, private readonly parties: PartyRegister, private readonly mediators: MediatorStore, private readonly protector: PiiProtector, private readonly registrar: PartyContactRegistrar) {}

  @Post(':disputeId/parties')
  @Roles(...MEDIATE_ROLES)
  @ApiOperation({ summary: '添加当事人 add a party (contacts encrypted, shown masked); 409 when the party is the mediator' })
  async add(@Param('disputeId') disputeId: string, @Body() body: AddPartyDto, @CurrentUser() user: AuthUser) {
    const found = await this.access.toMediate(user, disputeId);
    const party = toPartyDoc(body, this.protector);
    const mediator = found.mediatorId ? await this.mediators.mediator(found.mediatorId) : null;
    assertMediatorNotParty(mediator, [party]);
    await this.parties.put(disputeId, party);
    // a phone goes to the notification directory now; a failure stays pending for the retry loop
    if (party.contactRegistered === false && (await this.registrar.registerDispute(disputeId)) > 0) party.contactRegistered = true;
    return partyView(party);
  }
}
