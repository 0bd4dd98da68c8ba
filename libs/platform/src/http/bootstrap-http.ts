import { BadRequestException, DynamicModule, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import { createLogger, NestJsonLogger } from '../logging/logger';
import { connectEventServer } from '../kafka/connect-event-server';
import { Migration, runMigrations } from '../mongo/migrations';
import { says } from '@civicflow/contracts';
import { HttpErrorFilter } from './http-exception.filter';
import { refuseHostileInput } from './hostile-input';
import { securityHeaders } from './security-headers';
import { refuseUndeclaredMediaType } from './request-body';

export interface HttpAppOptions {
  service: string;
  title: string;
  logLevel?: string;
  /** Consume CivicFlow events too (handlers with @EventPattern); started by app.startAllMicroservices(). */
  events?: { groupId: string; fromBeginning: boolean };
  /** JSON body limit; larger bodies get 413. */
  bodyLimit?: string;
  /** One-time changes of the service's stored documents, run (once) before the app consumes or serves. */
  migrations?: readonly Migration[];
}

/** Creates a service's HTTP app with the shared error contract, body limit, OpenAPI at /api/docs and, if asked, its Kafka consumer. */
export async function createHttpApp(module: Type<unknown> | DynamicModule, options: HttpAppOptions): Promise<NestExpressApplication> {
  const logger = new NestJsonLogger(createLogger(options.service, options.logLevel));
  const app = await NestFactory.create<NestExpressApplication>(module, { logger, bodyParser: false });
  if (options.migrations?.length) await runMigrations(app.get<Connection>(getConnectionToken()).db!, options.migrations, logger);
  app.use(securityHeaders());
  app.use(refuseUndeclaredMediaType);
  app.useBodyParser('json', { limit: options.bodyLimit ?? '256kb' });
  app.use(malformedJsonAsFieldError);
  app.use(refuseHostileInput);
  app.useGlobalFilters(new HttpErrorFilter());
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle(options.title).setVersion('1').addBearerAuth().build(),
  );
  SwaggerModule.setup('api/docs', app, cleanupOpenApiDoc(document), { jsonDocumentUrl: 'api/docs/openapi.json' });
  if (options.events) connectEventServer(app, options.events);
  return app;
}

/**
 * Express error middleware right after the JSON parser: a body that is not JSON becomes the error contract's
 * 400 with a field error (Nest would otherwise answer with the parser's bare message). Other errors pass on.
 */
function malformedJsonAsFieldError(error: unknown, _req: unknown, _res: unknown, next: (error?: unknown) => void): void {
  if ((error as { type?: string })?.type === 'entity.parse.failed') {
    next(new BadRequestException({ message: '请求体不是有效的 JSON the request body is not valid JSON', errors: [{ field: '(body)', code: 'malformed_json', reason: says(`JSON 格式错误：${(error as Error).message}`, `malformed JSON: ${(error as Error).message}`) }] }));
    return;
  }
  next(error);
}
