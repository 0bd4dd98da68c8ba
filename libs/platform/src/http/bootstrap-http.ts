import { DynamicModule, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import { Logger } from 'pino';
import { NestJsonLogger } from '../logging/logger';
import { HttpErrorFilter } from './http-exception.filter';

export interface HttpAppOptions {
  service: string;
  title: string;
  logger: Logger;
  /** JSON body limit; larger bodies get 413. */
  bodyLimit?: string;
}

/** Creates a service's HTTP app with the shared error contract, body limit and OpenAPI at /api/docs. */
export async function createHttpApp(module: Type<unknown> | DynamicModule, options: HttpAppOptions): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(module, { logger: new NestJsonLogger(options.logger), bodyParser: false });
  app.useBodyParser('json', { limit: options.bodyLimit ?? '256kb' });
  app.useGlobalFilters(new HttpErrorFilter());
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle(options.title).setVersion('1').addBearerAuth().build(),
  );
  SwaggerModule.setup('api/docs', app, cleanupOpenApiDoc(document), { jsonDocumentUrl: 'api/docs/openapi.json' });
  return app;
}
