import { DynamicModule, Module, Provider } from '@nestjs/common';
import { getModelToken, MongooseModule } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { Kafka } from 'kafkajs';
import { DUE_WORK_MODEL, DueWorkDoc, dueWorkSchema, EventPublisher, KAFKA, MongoDueList, OrgUnitNames, PiiProtector, PlatformModule, serviceClientId, ServiceTokenSource } from '@civicflow/platform';
import { CASE_FACTS } from './cases/case-facts';
import { CASE_FACTS_MODEL, caseFactsSchema, REPORT_SOURCE_MODEL, reportSourceSchema } from './cases/case-facts.schema';
import { MongoCaseFacts } from './cases/mongo-case-facts';
import { buildChannels } from './channels/build-channels';
import { InboxFeed } from './channels/inbox/inbox-feed';
import { INBOX_LIST_MODEL, InboxLists, inboxListSchema } from './channels/inbox/inbox-lists';
import { SINK_LIST_MODEL, SinkLists, sinkListSchema } from './channels/sink/sink-lists';
import { INBOX_ITEM_MODEL, InboxItemDoc, inboxItemSchema } from './channels/inbox/inbox-item.schema';
import { InboxHttpController } from './channels/inbox/inbox.http.controller';
import { ChannelName, NOTIFICATION_CHANNELS, NotificationChannel } from './channels/notification-channel';
import { SINK_MESSAGE_MODEL, SinkMessageDoc, sinkMessageSchema } from './channels/sink/sink-message.schema';
import { SinkHttpController } from './channels/sink/sink.http.controller';
import { CLOCK, Clock, clockStartingAt, systemClock } from './clock/clock';
import { assertProvidersConfigured, NotificationConfig } from './config';
import { DELIVERY_STORE, DeliveryStore } from './deliveries/delivery';
import { DELIVERY_MODEL, deliverySchema } from './deliveries/delivery.schema';
import { DeliveriesHttpController } from './deliveries/list-deliveries/deliveries.http.controller';
import { DELIVERY_DUE_LIST, DELIVERY_LIST_MODEL, deliveryListSchema, MongoDeliveryStore } from './deliveries/mongo-delivery-store';
import { PlanDeliveriesUseCase } from './deliveries/plan-deliveries/plan-deliveries.usecase';
import { DeliveryOutcomePublisher } from './deliveries/publish-outcomes/delivery-outcome-publisher';
import { parseQuietHours } from './deliveries/quiet-hours';
import { DeliveryQueue } from './deliveries/send-deliveries/delivery-queue';
import { DeliverySender } from './deliveries/send-deliveries/delivery-sender';
import { CONTACT_WAIT_MODEL, contactWaitSchema } from './deliveries/send-deliveries/contact-wait.schema';
import { MongoContactWaits } from './deliveries/send-deliveries/contact-waits';
import { DISPUTE_FACTS_MODEL, disputeFactsSchema } from './disputes/dispute-facts.schema';
import { MongoDisputeFacts } from './disputes/mongo-dispute-facts';
import { NotifiedEventsMessageController } from './events/notified-events.message.controller';
import { DirectoryHttpController } from './recipients/directory.http.controller';
import {
  DIRECTORY_CITIZEN_MODEL, DIRECTORY_ROLE_LIST_MODEL, DIRECTORY_UNIT_MODEL, DIRECTORY_USER_MODEL, directoryCitizenSchema, directoryRoleListSchema,
  directoryUnitSchema, directoryUserSchema,
} from './recipients/directory.schema';
import { MongoRecipientDirectory } from './recipients/mongo-recipient-directory';
import { RECIPIENT_DIRECTORY } from './recipients/recipient-directory';
import { RecipientResolver } from './recipients/recipient-resolver';
import { SeedDemoDirectory } from './recipients/seed-demo-directory';

function coreProviders(config: NotificationConfig): Provider[] {
  const quietHours = parseQuietHours(config.NOTIFICATION_QUIET_HOURS);
  return [
    {
      provide: CLOCK,
      useFactory: (): Clock => (config.NOTIFICATION_CLOCK_START ? clockStartingAt(new Date(config.NOTIFICATION_CLOCK_START)) : systemClock),
    },
    {
      // the units' names in messages: the grid's org tree, followed (reloaded when the grid imports a new dataset)
      provide: OrgUnitNames,
      inject: [KAFKA],
      useFactory: (kafka: Kafka) =>
        new OrgUnitNames({
          gridUrl: config.GRID_URL,
          kafka,
          groupPrefix: config.NOTIFICATION_CONSUMER_GROUP,
          startWaitMs: config.NOTIFICATION_GRID_WAIT_MS,
          // as notification's own service identity (client credentials), never as a borrowed user
          tokens: new ServiceTokenSource({ tokenUrl: config.SERVICE_TOKEN_URL, clientId: serviceClientId('notification'), clientSecret: config.NOTIFICATION_CLIENT_SECRET }),
        }),
    },
    // contacts sealed with the service's own key (the hotline and mediation keep theirs under their keys)
    { provide: PiiProtector, useFactory: () => new PiiProtector(config.NOTIFICATION_CONTACT_KEY, { hashInput: 'kind:value' }) },
    MongoRecipientDirectory,
    { provide: RECIPIENT_DIRECTORY, useExisting: MongoRecipientDirectory },
    MongoCaseFacts,
    { provide: CASE_FACTS, useExisting: MongoCaseFacts },
    MongoDisputeFacts,
    {
      provide: DELIVERY_DUE_LIST,
      inject: [getModelToken(DUE_WORK_MODEL)],
      useFactory: (dueWork: Model<DueWorkDoc>) => new MongoDueList(dueWork, { queue: 'deliveries', sweepMs: config.NOTIFICATION_SWEEP_MS }),
    },
    MongoDeliveryStore,
    { provide: DELIVERY_STORE, useExisting: MongoDeliveryStore },
    InboxLists,
    InboxFeed,
    SinkLists,
    {
      provide: NOTIFICATION_CHANNELS,
      inject: [CLOCK, getModelToken(INBOX_ITEM_MODEL), InboxFeed, InboxLists, getModelToken(SINK_MESSAGE_MODEL), SinkLists, PiiProtector],
      useFactory: (
        clock: Clock, inboxItems: Model<InboxItemDoc>, inboxFeed: InboxFeed, inboxLists: InboxLists, sinkMessages: Model<SinkMessageDoc>, sinkLists: SinkLists, protector: PiiProtector,
      ) => buildChannels({ config, clock, inboxItems, inboxFeed, inboxLists, sinkMessages, sinkLists, protector }),
    },
    {
      provide: RecipientResolver,
      inject: [MongoRecipientDirectory, MongoCaseFacts],
      useFactory: (directory: MongoRecipientDirectory, cases: MongoCaseFacts) => new RecipientResolver(directory, cases),
    },
    {
      provide: PlanDeliveriesUseCase,
      inject: [RecipientResolver, MongoRecipientDirectory, MongoCaseFacts, MongoDisputeFacts, DELIVERY_STORE, CLOCK, NOTIFICATION_CHANNELS],
      useFactory: (
        resolver: RecipientResolver, directory: MongoRecipientDirectory, cases: MongoCaseFacts, disputes: MongoDisputeFacts, store: DeliveryStore,
        clock: Clock, channels: Map<ChannelName, NotificationChannel>,
      ) =>
        new PlanDeliveriesUseCase(resolver, directory, cases, disputes, store, clock, {
          cityUnitId: config.NOTIFICATION_CITY_UNIT_ID,
          defaultLocale: config.CIVICFLOW_LOCALE,
          quietHours,
          enabledChannels: new Set(channels.keys()),
        }),
    },
    MongoContactWaits,
    {
      provide: DeliverySender,
      inject: [DELIVERY_STORE, NOTIFICATION_CHANNELS, RecipientResolver, CLOCK, MongoContactWaits],
      useFactory: (store: DeliveryStore, channels: Map<ChannelName, NotificationChannel>, resolver: RecipientResolver, clock: Clock, contactWaits: MongoContactWaits) =>
        new DeliverySender(store, channels, resolver, clock, {
          retry: { maxAttempts: config.NOTIFICATION_MAX_ATTEMPTS, baseDelayMs: config.NOTIFICATION_RETRY_BASE_MS, maxDelayMs: config.NOTIFICATION_RETRY_MAX_MS },
          quietHours,
          contactWaits,
        }),
    },
    {
      provide: DeliveryOutcomePublisher,
      inject: [DELIVERY_STORE, EventPublisher],
      useFactory: (store: DeliveryStore, publisher: EventPublisher) => new DeliveryOutcomePublisher(store, publisher),
    },
    DeliveryQueue,
    SeedDemoDirectory,
  ];
}

/** 通知 notification: events become messages to citizens (SMS, WeChat) and staff (inbox, email), each tracked. */
@Module({})
export class NotificationModule {
  static register(config: NotificationConfig): DynamicModule {
    assertProvidersConfigured(config);
    return {
      module: NotificationModule,
      imports: [
        PlatformModule.forService({ service: 'notification', config }),
        MongooseModule.forFeature([
          { name: DELIVERY_MODEL, schema: deliverySchema },
          { name: INBOX_ITEM_MODEL, schema: inboxItemSchema },
          { name: SINK_MESSAGE_MODEL, schema: sinkMessageSchema },
          { name: CASE_FACTS_MODEL, schema: caseFactsSchema },
          { name: REPORT_SOURCE_MODEL, schema: reportSourceSchema },
          { name: DISPUTE_FACTS_MODEL, schema: disputeFactsSchema },
          { name: DIRECTORY_USER_MODEL, schema: directoryUserSchema },
          { name: DIRECTORY_CITIZEN_MODEL, schema: directoryCitizenSchema },
          { name: DIRECTORY_UNIT_MODEL, schema: directoryUnitSchema },
          { name: DIRECTORY_ROLE_LIST_MODEL, schema: directoryRoleListSchema },
          { name: DUE_WORK_MODEL, schema: dueWorkSchema },
          { name: CONTACT_WAIT_MODEL, schema: contactWaitSchema },
          { name: INBOX_LIST_MODEL, schema: inboxListSchema },
          { name: SINK_LIST_MODEL, schema: sinkListSchema },
          { name: DELIVERY_LIST_MODEL, schema: deliveryListSchema },
        ]),
      ],
      controllers: [InboxHttpController, DeliveriesHttpController, SinkHttpController, DirectoryHttpController, NotifiedEventsMessageController],
      providers: coreProviders(config),
      exports: [DeliverySender, DeliveryQueue, PlanDeliveriesUseCase, MongoRecipientDirectory, CLOCK],
    };
  }
}
