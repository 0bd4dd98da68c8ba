import { DynamicModule, Global, Module } from '@nestjs/common';

export const CONFIG = Symbol('CIVICFLOW_CONFIG');

/** Makes a service's validated config injectable as `@Inject(CONFIG)`. */
@Global()
@Module({})
export class PlatformConfigModule {
  static forRoot(config: object): DynamicModule {
    return { module: PlatformConfigModule, providers: [{ provide: CONFIG, useValue: config }], exports: [CONFIG] };
  }
}
