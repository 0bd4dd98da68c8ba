import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { says } from '@civicflow/contracts';
import { validateAgreement } from '@civicflow/domain';
import { AuthUser, CurrentUser, Roles } from '@civicflow/platform';
import { DisputeAccess, MEDIATE_ROLES } from '../../disputes/dispute-access';
import { DisputeViews } from '../../disputes/dispute.view';
import { invalidFields } from '../../shared/http-errors';
import { reachAgreementUpdate } from '../../workflow/mediation-contract';
import { actorOf, MediationWorkflows } from '../../workflow/mediation-workflows';
import { reachablePartyRefs } from '../../parties/parties';
import { PartyRegister } from '../../parties/party-register';

export const reachAgreementSchema = z.object({
  terms: z.array(z.object({
    partyId: z.string().trim().min(1, says('须写明履行义务的当事人', 'name the party who owes the term')),
    obligation: z.string().trim().min(1, says('须写明履行内容', 'say what is to be done')).max(500),
    dueAt: z.iso.datetime({ offset: true, error: says('履行期限须为带时区的 ISO 时间', 'dueAt must be an ISO date-time') }),
  })).min(1, says('调解协议须至少有一项履行条款（谁、做什么、何时前）', 'an agreement needs at least one term: who does what by when')).max(50),
});
class ReachAgreementDto extends createZodDto(reachAgreementSchema) {}

/**
 * 达成调解协议: terms name a party of the dispute, what they do and by when (in the future). The workflow takes it
 * (or refuses: 409 with the reason); its mediation.agreement-reached puts the agreement on the stored dispute,
 * which the answer shows.
 */
@ApiTags('agreements 调解协议')
@ApiBearerAuth()
@Controller('api/v1/mediation/disputes')
export class ReachAgreementHttpController {
  constructor(private readonly access: DisputeAccess, private readonly parties: PartyRegister, private readonly workflows: MediationWorkflows, private readonly views: DisputeViews) {}

  @Post(':disputeId/agreement')
  @Roles(...MEDIATE_ROLES)
  @ApiOperation({ summary: '达成调解协议 record the agreement (terms: who does what by when); 400 without terms' })
  async reach(@Param('disputeId') disputeId: string, @Body() body: ReachAgreementDto, @CurrentUser() user: AuthUser) {
    await this.access.toMediate(user, disputeId);
    const parties = await this.parties.partiesOf(disputeId);
    const now = new Date();
    const errors = body.terms.flatMap((t, i) => (parties.some((p) => p.partyId === t.partyId) ? [] : [{ field: `terms.${i}.partyId`, code: 'NOT_A_PARTY', reason: says(`${t.partyId} 不是本纠纷的当事人`, `${t.partyId} is not a party to this dispute`) }]));
    if (errors.length > 0) throw invalidFields(errors);
    const terms = body.terms.map((t) => ({ party: parties.find((p) => p.partyId === t.partyId)!.name, partyId: t.partyId, obligation: t.obligation, dueAt: new Date(t.dueAt).toISOString() }));
    const agreementId = `xy-${randomUUID().slice(0, 8)}`;
    const refusal = validateAgreement({ agreementId, terms }, now.getTime());
    if (refusal) throw invalidFields([{ field: 'terms', code: refusal.code, reason: says(refusal.zh, refusal.en) }]);
    // every party with a phone is told; each term names its party, and its directory ref when that party can be texted
    const partyRefs = reachablePartyRefs(disputeId, parties);
    const refOf = (partyId: string) => reachablePartyRefs(disputeId, parties, [partyId])[0];
    const wireTerms = terms.map(({ party, partyId, obligation, dueAt }) => ({ party, partyId, obligation, dueAt, ...(refOf(partyId) ? { partyRef: refOf(partyId) } : {}) }));
    const view = await this.workflows.update(disputeId, reachAgreementUpdate, { actor: actorOf(user), agreementId, terms: wireTerms, ...(partyRefs.length > 0 ? { partyRefs } : {}) }, `agreement:${agreementId}`);
    return this.views.afterUpdate(disputeId, view);
  }
}
