import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@civicflow/platform';
import { GridConfig } from './config';

/** 网格 grid: the org tree, grid polygons and staff, households, and routing of a place to its grid. */
@Module({})
export class GridModule {
  static register(config: GridConfig): DynamicModule {
    return {
      module: GridModule,
      imports: [PlatformModule.forService({ service: 'grid', config })],
      controllers: [],
      providers: [],
    };
  }
}
