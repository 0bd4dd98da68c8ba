import { DynamicModule, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { PlatformModule } from '@civicflow/platform';
import { HotlineConfig } from './config';
import { callSchema, CALL_MODEL } from './calls/call.schema';
import { LogCallHttpController } from './calls/log-call/log-call.http.controller';
import { LogCallUseCase } from './calls/log-call/log-call.usecase';

/** 12345 热线: operators log calls; each call becomes a case through intake. */
@Module({})
export class HotlineModule {
  static register(config: HotlineConfig): DynamicModule {
    return {
      module: HotlineModule,
      imports: [
        PlatformModule.forService({ service: 'hotline', config }),
        MongooseModule.forFeature([{ name: CALL_MODEL, schema: callSchema }]),
      ],
      controllers: [LogCallHttpController],
      providers: [LogCallUseCase],
    };
  }
}
