import { DynamicModule, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { DUE_WORK_MODEL, dueWorkSchema, PlatformModule } from '@civicflow/platform';
import { MediationConfig } from './config';
import { ASSIGNMENT_CLAIM_MODEL, AssignmentClaims, assignmentClaimSchema } from './disputes/assign-mediator/assignment-claims';
import { DisputeViews } from './disputes/dispute.view';
import { DISPUTE_PARTIES_MODEL, disputePartiesSchema, PartyRegister } from './parties/party-register';
import { AgreementPdfHttpController } from './agreements/agreement-pdf/agreement-pdf.http.controller';
import { FollowUpTermHttpController } from './agreements/follow-up-term/follow-up-term.http.controller';
import { ReachAgreementHttpController } from './agreements/reach-agreement/reach-agreement.http.controller';
import { RecordFailureHttpController } from './agreements/record-failure/record-failure.http.controller';
import { COMMITTEE_MODEL, committeeSchema, MEDIATOR_MODEL, mediatorSchema } from './committees/committee.schema';
import { CommitteesHttpController } from './committees/list-committees/committees.http.controller';
import { MediatorStore } from './committees/mediator.store';
import { OrgUnits } from './committees/org-units';
import { SeedCommittees } from './committees/seed-committees';
import { contactProtectorProvider } from './contacts/contact-protector.provider';
import { CONTACT_READ_MODEL, contactReadSchema } from './contacts/contact-read.schema';
import { AssignMediatorUseCase } from './disputes/assign-mediator/assign-mediator.usecase';
import { AssignmentRetry } from './disputes/assign-mediator/assignment-retry';
import { DisputeAccess } from './disputes/dispute-access';
import { DISPUTE_MODEL, disputeSchema } from './disputes/dispute.schema';
import { DisputeStore } from './disputes/dispute.store';
import { followUpsProvider } from './shared/follow-ups';
import { ListDisputesHttpController } from './disputes/list-disputes/list-disputes.http.controller';
import { OpenDisputeUseCase } from './disputes/open-dispute/open-dispute.usecase';
import { CaseRegisteredMessageController } from './disputes/open-from-case/case-registered.message.controller';
import { OpenWalkInHttpController } from './disputes/open-walk-in/open-walk-in.http.controller';
import { FiguresHttpController } from './figures/figures.http.controller';
import { AddPartyHttpController } from './parties/add-party/add-party.http.controller';
import { EditPartyHttpController } from './parties/edit-party/edit-party.http.controller';
import { citizenDirectoryProvider } from './parties/register-contact/notification-directory.client';
import { PartyContactRegistrar } from './parties/register-contact/party-contact-registrar';
import { ReadPartyContactHttpController } from './parties/read-party-contact/read-party-contact.http.controller';
import { MediationEventsMessageController } from './read-model/mediation-events.message.controller';
import { RecordSessionUseCase } from './sessions/record-minutes/record-session.usecase';
import { ScheduleSessionUseCase } from './sessions/schedule-session/schedule-session.usecase';
import { SESSION_MODEL, sessionSchema } from './sessions/session.schema';
import { SessionStore } from './sessions/session.store';
import { SessionsHttpController } from './sessions/sessions.http.controller';
import { MediationWorkflows } from './workflow/mediation-workflows';

/** 矛盾调解 mediation: disputes from intake and walk-ins, committees, sessions, agreements, figures. */
@Module({})
export class MediationModule {
  static register(config: MediationConfig): DynamicModule {
    return {
      module: MediationModule,
      imports: [
        PlatformModule.forService({ service: 'mediation', config, temporal: true }),
        MongooseModule.forFeature([
          { name: DISPUTE_MODEL, schema: disputeSchema },
          { name: SESSION_MODEL, schema: sessionSchema },
          { name: COMMITTEE_MODEL, schema: committeeSchema },
          { name: MEDIATOR_MODEL, schema: mediatorSchema },
          { name: CONTACT_READ_MODEL, schema: contactReadSchema },
          { name: DISPUTE_PARTIES_MODEL, schema: disputePartiesSchema },
          { name: ASSIGNMENT_CLAIM_MODEL, schema: assignmentClaimSchema },
          { name: DUE_WORK_MODEL, schema: dueWorkSchema },
        ]),
      ],
      controllers: [
        ListDisputesHttpController, OpenWalkInHttpController, AddPartyHttpController, EditPartyHttpController, ReadPartyContactHttpController,
        SessionsHttpController, ReachAgreementHttpController, AgreementPdfHttpController, FollowUpTermHttpController, RecordFailureHttpController,
        CommitteesHttpController, FiguresHttpController, CaseRegisteredMessageController, MediationEventsMessageController,
      ],
      providers: [
        { provide: OrgUnits, useFactory: () => OrgUnits.demo() },
        contactProtectorProvider, followUpsProvider, DisputeStore, DisputeViews, PartyRegister, AssignmentClaims, DisputeAccess, MediatorStore, SessionStore, MediationWorkflows, AssignMediatorUseCase, AssignmentRetry,
        OpenDisputeUseCase, ScheduleSessionUseCase, RecordSessionUseCase, SeedCommittees,
        citizenDirectoryProvider, PartyContactRegistrar,
      ],
    };
  }
}
