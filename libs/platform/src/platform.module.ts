import { DynamicModule, Module, Provider } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import { APP_GUARD, APP_PIPE } from '@nestjs/core';
import { Client } from '@temporalio/client';
import { Kafka } from 'kafkajs';
import { Connection } from 'mongoose';
import { PlatformConfigModule } from './config/config.module';
import { KAFKA, KafkaModule } from './kafka/kafka.module';
import { MongoModule } from './mongo/mongo.module';
import { TemporalClientModule } from './temporal/temporal.module';
import { HEALTH_CHECKS, HealthController } from './http/health.controller';
import { kafkaHealth, mongoHealth, temporalHealth } from './http/health-checks';
import { AuthGuard } from './auth/auth.guard';
import { tokenVerifierProviders } from './auth/token-verifier.provider';
import { TokenVerifier } from './auth/tokens';
import { RequestValidationPipe } from './http/invalid-input';

export interface PlatformOptions {
  service: string;
  config: object;
  /** Services that start workflows or send them commands. */
  temporal?: boolean;
  /** How bearer tokens are checked, when not by the config's JWKS (identity checks its own tokens with its own key). */
  tokenVerifier?: Provider;
}

/** Everything a CivicFlow service stands on: config, Kafka, its Mongo database, health, validation. */
@Module({})
export class PlatformModule {
  static forService({ service, config, temporal = false, tokenVerifier }: PlatformOptions): DynamicModule {
    const healthChecks: Provider = {
      provide: HEALTH_CHECKS,
      inject: [KAFKA, getConnectionToken(), ...(temporal ? [Client] : [])],
      useFactory: (kafka: Kafka, connection: Connection, client?: Client) => [
        kafkaHealth(kafka),
        mongoHealth(connection),
        ...(client ? [temporalHealth(client)] : []),
      ],
    };
    return {
      module: PlatformModule,
      imports: [
        PlatformConfigModule.forRoot(config),
        KafkaModule.forService(service),
        MongoModule.forService(service),
        ...(temporal ? [TemporalClientModule.forRoot()] : []),
      ],
      controllers: [HealthController],
      providers: [
        healthChecks,
        { provide: APP_PIPE, useClass: RequestValidationPipe },
        ...(tokenVerifier ? [tokenVerifier] : tokenVerifierProviders),
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      exports: [TokenVerifier],
    };
  }
}
