import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';

/** A readiness check: a name and a probe that throws when the dependency is not usable. */
export interface HealthCheck {
  name: string;
  probe(): Promise<void>;
}

export const HEALTH_CHECKS = Symbol('HEALTH_CHECKS');

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(@Inject(HEALTH_CHECKS) private readonly checks: HealthCheck[]) {}

  /** The process is up. */
  @Get('live')
  live() {
    return { status: 'ok' };
  }

  /** Every dependency answers; 503 with the failing ones otherwise. */
  @Get('ready')
  async ready() {
    const results = await Promise.all(
      this.checks.map(async (check) => {
        try {
          await withTimeout(check.probe(), 3000);
          return { name: check.name, status: 'up' as const };
        } catch (error) {
          return { name: check.name, status: 'down' as const, error: error instanceof Error ? error.message : String(error) };
        }
      }),
    );
    const body = { status: results.every((r) => r.status === 'up') ? 'ok' : 'unavailable', checks: results };
    if (body.status !== 'ok') throw new ServiceUnavailableException({ message: 'dependencies unavailable', reason: body });
    return body;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms).unref())]);
}
