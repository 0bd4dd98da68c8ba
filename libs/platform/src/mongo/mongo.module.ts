import { DynamicModule, Module } from '@nestjs/common';
import { getModelToken, MongooseModule } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { CONFIG } from '../config/config.module';
import { InfraConfig } from '../config/config';
import { MongoProcessedEventStore } from './mongo-processed-events';
import { ProcessedEventDoc, processedEventSchema } from './processed-event.schema';
import { MongoIndexes } from './mongo-indexes';

export function serviceDatabaseName(config: Pick<InfraConfig, 'MONGO_DB_PREFIX'>, service: string): string {
  return `${config.MONGO_DB_PREFIX}_${service}`;
}

export const PROCESSED_EVENTS = Symbol('PROCESSED_EVENTS');

/**
 * One database per service (`<MONGO_DB_PREFIX>_<service>`), plus the processed-events store its consumers use.
 * Nothing is served before every model's indexes exist (MongoIndexes).
 */
@Module({})
export class MongoModule {
  static forService(service: string): DynamicModule {
    return {
      module: MongoModule,
      global: true,
      imports: [
        MongooseModule.forRootAsync({
          inject: [CONFIG],
          useFactory: (config: InfraConfig) => ({ uri: config.MONGO_URL, dbName: serviceDatabaseName(config, service), serverSelectionTimeoutMS: 10_000 }),
        }),
        MongooseModule.forFeature([{ name: 'ProcessedEvent', schema: processedEventSchema }]),
      ],
      providers: [
        MongoIndexes,
        {
          provide: PROCESSED_EVENTS,
          inject: [getModelToken('ProcessedEvent')],
          useFactory: (model: Model<ProcessedEventDoc>) => new MongoProcessedEventStore(model),
        },
      ],
      exports: [PROCESSED_EVENTS, MongooseModule, MongoIndexes],
    };
  }
}
