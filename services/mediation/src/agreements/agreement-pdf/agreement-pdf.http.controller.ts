import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthUser, CONFIG, CurrentUser, Roles } from '@civicflow/platform';
import { DISPUTE_TYPE_LABELS } from '@civicflow/domain';
import { MediationConfig } from '../../config';
import { MediatorStore } from '../../committees/mediator.store';
import { DisputeAccess, READ_ROLES } from '../../disputes/dispute-access';
import { notFound } from '../../shared/http-errors';
import { PartyRegister } from '../../parties/party-register';
import { agreementDocument } from './agreement-document';
import { renderAgreementPdf } from './agreement-pdf.renderer';

/** 人民调解协议书 as a printable PDF (A4, Chinese), for the parties to sign. */
@ApiTags('agreements 调解协议')
@ApiBearerAuth()
@Controller('api/v1/mediation/disputes')
export class AgreementPdfHttpController {
  constructor(private readonly access: DisputeAccess, private readonly mediators: MediatorStore, private readonly parties: PartyRegister, @Inject(CONFIG) private readonly config: MediationConfig) {}

  @Get(':disputeId/agreement.pdf')
  @Roles(...READ_ROLES)
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: '调解协议书 PDF the agreement: parties (contacts masked), terms table, signatures block' })
  async pdf(@Param('disputeId') disputeId: string, @CurrentUser() user: AuthUser, @Res() res: Response): Promise<void> {
    const dispute = await this.access.toRead(user, disputeId);
    const agreement = dispute.agreement;
    if (!agreement) throw notFound(`纠纷 ${disputeId} 尚无调解协议`, `dispute ${disputeId} has no agreement`);
    const [committee, mediator, parties] = await Promise.all([this.mediators.committee(agreement.committeeId), this.mediators.mediator(agreement.reachedBy.userId), this.parties.partiesOf(disputeId)]);
    const content = agreementDocument({
      disputeId, agreementId: agreement.agreementId, committeeName: committee?.name ?? agreement.committeeId, mediatorName: mediator?.name ?? agreement.reachedBy.name,
      disputeTypeLabel: DISPUTE_TYPE_LABELS[dispute.disputeType].zh, summary: dispute.summary, amountAtStakeCny: dispute.amountAtStakeCny,
      parties: parties.map((p) => ({ role: p.role, name: p.name, phoneMasked: p.phone?.masked ?? null, address: p.address })),
      terms: agreement.terms, reachedAt: agreement.reachedAt,
    });
    const pdf = await renderAgreementPdf(content, { path: this.config.MEDIATION_PDF_FONT, family: this.config.MEDIATION_PDF_FONT_FAMILY });
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', `inline; filename="${agreement.agreementId}.pdf"; filename*=UTF-8''${encodeURIComponent(`人民调解协议书-${agreement.agreementId}.pdf`)}`);
    res.setHeader('Cache-Control', 'no-store');
    res.send(pdf);
  }
}
