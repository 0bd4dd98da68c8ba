import { DynamicModule, Module } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import { Connection } from 'mongoose';
import { PlatformModule } from '@civicflow/platform';
import { EventPublisher } from '@civicflow/platform';
import { CalendarJobs } from './calendar/calendar-jobs';
import { CalendarStore } from './calendar/calendar.store';
import { EnterYearArrangementHttpController } from './calendar/enter-year-arrangement/enter-year-arrangement.http.controller';
import { EnterYearArrangementUseCase } from './calendar/enter-year-arrangement/enter-year-arrangement.usecase';
import { CalendarTableReader } from './calendar/get-calendar-table/calendar-table';
import { GetCalendarTableHttpController } from './calendar/get-calendar-table/get-calendar-table.http.controller';
import { CalendarYearsHttpController } from './calendar/list-calendar-years/calendar-years.http.controller';
import { ListCalendarYearsUseCase } from './calendar/list-calendar-years/list-calendar-years.usecase';
import { PreviewYearArrangementHttpController } from './calendar/preview-year-arrangement/preview-year-arrangement.http.controller';
import { PreviewYearArrangementUseCase } from './calendar/preview-year-arrangement/preview-year-arrangement.usecase';
import { CalendarOutbox } from './calendar/publish-calendar-changes/calendar-outbox';
import { CalendarCoverageWatch } from './calendar/warn-calendar-coverage/calendar-coverage.watch';
import { GridConfig } from './config';
import { GridDatasetStore, gridModelsOn } from './dataset/grid-dataset.store';
import { SeedDemoCityUseCase } from './demo/seed-demo-city/seed-demo-city.usecase';
import { GetGridHttpController } from './grids/get-grid/get-grid.http.controller';
import { GetMapLayersHttpController } from './map/get-map-layers/get-map-layers.http.controller';
import { ListGridHouseholdsHttpController } from './households/list-grid-households/list-grid-households.http.controller';
import { GetOrgTreeHttpController } from './org/get-org-tree/get-org-tree.http.controller';
import { GetOrgUnitHttpController } from './org/get-org-unit/get-org-unit.http.controller';
import { OfficeHoursHttpController } from './org/set-office-hours/office-hours.http.controller';
import { SetOfficeHoursUseCase } from './org/set-office-hours/set-office-hours.usecase';
import { GetRoutingDatasetHttpController } from './routing/get-routing-dataset/get-routing-dataset.http.controller';
import { GridMapHolder } from './routing/grid-map.holder';
import { RouteLocationHttpController } from './routing/route-location/route-location.http.controller';
import { RouteLocationMessageController } from './routing/route-location/route-location.message.controller';
import { RouteLocationUseCase } from './routing/route-location/route-location.usecase';

/**
 * 网格 grid: the org tree, grid polygons and staff, households, routing of a place to its grid — and the reference
 * data deadlines are computed with: the business calendar's official holiday arrangements and each unit's office
 * hours (administered here, read by the case worker).
 */
@Module({})
export class GridModule {
  static register(config: GridConfig): DynamicModule {
    return {
      module: GridModule,
      imports: [PlatformModule.forService({ service: 'grid', config })],
      controllers: [
        RouteLocationHttpController,
        GetRoutingDatasetHttpController,
        RouteLocationMessageController,
        GetOrgTreeHttpController,
        GetOrgUnitHttpController,
        GetGridHttpController,
        GetMapLayersHttpController,
        ListGridHouseholdsHttpController,
        CalendarYearsHttpController,
        PreviewYearArrangementHttpController,
        EnterYearArrangementHttpController,
        GetCalendarTableHttpController,
        OfficeHoursHttpController,
      ],
      providers: [
        // the same models the CLI registers on its bare connection (one schema per collection, indexes built on registration)
        { provide: GridDatasetStore, inject: [getConnectionToken()], useFactory: (connection: Connection) => new GridDatasetStore(gridModelsOn(connection)) },
        { provide: SeedDemoCityUseCase, inject: [GridDatasetStore], useFactory: (store: GridDatasetStore) => new SeedDemoCityUseCase(store) },
        GridMapHolder,
        // plain classes (no Nest in them), so the use case is tested with a fixed map and no container
        { provide: RouteLocationUseCase, inject: [GridMapHolder], useFactory: (maps: GridMapHolder) => new RouteLocationUseCase(maps) },
        // the business calendar and office hours: plain classes too
        { provide: CalendarStore, inject: [getConnectionToken()], useFactory: (connection: Connection) => new CalendarStore(connection) },
        { provide: CalendarOutbox, inject: [CalendarStore, EventPublisher], useFactory: (store: CalendarStore, publisher: EventPublisher) => new CalendarOutbox(store, publisher) },
        { provide: PreviewYearArrangementUseCase, inject: [CalendarStore], useFactory: (store: CalendarStore) => new PreviewYearArrangementUseCase(store) },
        {
          provide: EnterYearArrangementUseCase,
          inject: [CalendarStore, PreviewYearArrangementUseCase, CalendarOutbox],
          useFactory: (store: CalendarStore, preview: PreviewYearArrangementUseCase, outbox: CalendarOutbox) => new EnterYearArrangementUseCase(store, preview, outbox),
        },
        { provide: ListCalendarYearsUseCase, inject: [CalendarStore], useFactory: (store: CalendarStore) => new ListCalendarYearsUseCase(store, config.CALENDAR_WARNING_DAYS) },
        { provide: CalendarTableReader, inject: [CalendarStore, GridMapHolder], useFactory: (store: CalendarStore, maps: GridMapHolder) => new CalendarTableReader(store, maps) },
        { provide: CalendarCoverageWatch, inject: [CalendarStore, EventPublisher], useFactory: (store: CalendarStore, publisher: EventPublisher) => new CalendarCoverageWatch(store, publisher, { officeHoursOnly: config.CALENDAR_COVERAGE_NOTICE === 'office-hours', warningDays: config.CALENDAR_WARNING_DAYS }) },
        { provide: SetOfficeHoursUseCase, inject: [CalendarStore, GridMapHolder], useFactory: (store: CalendarStore, maps: GridMapHolder) => new SetOfficeHoursUseCase(store, maps) },
        CalendarJobs,
      ],
    };
  }
}
