import { LoggerService } from '@nestjs/common';
import { trace } from '@opentelemetry/api';
import pino, { Logger } from 'pino';

/**
 * Structured JSON logs; every line carries the active trace and span ids so logs join traces. To standard output,
 * or appended to LOG_FILE when it is set.
 */
export function createLogger(service: string, level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
  const file = process.env.LOG_FILE;
  return pino({
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin() {
      const span = trace.getActiveSpan();
      if (!span) return {};
      const { traceId, spanId } = span.spanContext();
      return { traceId, spanId };
    },
  }, file ? pino.destination({ dest: file, append: true, sync: true, mkdir: true }) : undefined);
}

/** Routes Nest's own log calls into the same JSON stream. */
export class NestJsonLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}
  log(message: unknown, context?: string) { this.logger.info({ context }, String(message)); }
  error(message: unknown, trace?: string, context?: string) { this.logger.error({ context, trace }, String(message)); }
  warn(message: unknown, context?: string) { this.logger.warn({ context }, String(message)); }
  debug(message: unknown, context?: string) { this.logger.debug({ context }, String(message)); }
  verbose(message: unknown, context?: string) { this.logger.trace({ context }, String(message)); }
}
