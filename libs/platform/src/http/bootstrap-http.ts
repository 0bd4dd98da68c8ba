import { DynamicModule, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import { createLogger, NestJsonLogger } from '../logging/logger';
import { connectEventServer } from '../kafka/connect-event-server';
import { HttpErrorFilter } from './http-exception.filter';

export interface HttpAppOptions {
  service: string;
  title: string;
  logLevel?: string;
  /** Consume CivicFlow events too (handlers with @EventPattern); started by app.startAllMicroservices(). */
  events?: { groupId: string; fromBeginning: boolean };
  /** JSON body limit; larger bodies get 413. */
  bodyLimit?: string;
}

/** Creates a service's HTTP app with the shared error contract, body limit, OpenAPI at /api/docs and, if asked, its Kafka consumer. */
export async function createHttpApp(module: Type<unknown> | DynamicModule, options: HttpAppOptions): Promise<NestExpressApplication> {
  const logger = new NestJsonLogger(createLogger(options.service, options.logLevel));
  const app = await NestFactory.create<NestExpressApplication>(module, { logger, bodyParser: false });
  app.useBodyParser('json', { limit: options.bodyLimit ?? '256kb' });
  app.useGlobalFilters(new HttpErrorFilter());
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle(options.title).setVersion('1').addBearerAuth().build(),
  );
  SwaggerModule.setup('api/docs', app, cleanupOpenApiDoc(document), { jsonDocumentUrl: 'api/docs/openapi.json' });
  if (options.events) connectEventServer(app, options.events);
  return app;
}
