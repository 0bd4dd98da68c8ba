import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@civicflow/platform';
import type { ConsoleConfig } from './config';
import { ExportHttpController } from './export/export.http.controller';
import { ServicesHttpController } from './proxy/services.http.controller';
import { SessionHttpController } from './session/session.http.controller';
import { CaseEventsMessageController } from './stream/case-events.message.controller';
import { TelephonyEventsMessageController } from './stream/telephony-events.message.controller';
import { LiveStreamHub } from './stream/live-stream.hub';
import { StreamHttpController } from './stream/stream.http.controller';
import { UpstreamClient } from './upstream/upstream-client';
import { UPSTREAM_POOLS, upstreamPools } from './upstream/upstream-services';
import { ConsoleConfigHttpController } from './web/console-config.http.controller';

/** 控制台网关 the console's API gateway (BFF): session, proxy to the services, live stream, exports, the web app. */
@Module({})
export class ConsoleModule {
  static register(config: ConsoleConfig): DynamicModule {
    return {
      module: ConsoleModule,
      imports: [PlatformModule.forService({ service: 'console', config })],
      controllers: [SessionHttpController, StreamHttpController, ExportHttpController, ServicesHttpController, ConsoleConfigHttpController, CaseEventsMessageController, TelephonyEventsMessageController],
      providers: [LiveStreamHub, UpstreamClient, { provide: UPSTREAM_POOLS, useValue: upstreamPools(config) }],
    };
  }
}
