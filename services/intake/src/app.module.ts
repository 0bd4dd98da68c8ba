import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@civicflow/platform';
import { IntakeConfig } from './config';
import { CasesModule } from './cases/cases.module';
import { ChannelsModule } from './channels/channels.module';
import { CallLoggedMessageController } from './channels/hotline/call-logged.message.controller';

/** 受理中心 intake: every channel's requests become cases, each handed to its case workflow. */
@Module({})
export class IntakeModule {
  static register(config: IntakeConfig): DynamicModule {
    return {
      module: IntakeModule,
      imports: [PlatformModule.forService({ service: 'intake', config, temporal: true }), CasesModule, ChannelsModule],
      controllers: [CallLoggedMessageController],
    };
  }
}
