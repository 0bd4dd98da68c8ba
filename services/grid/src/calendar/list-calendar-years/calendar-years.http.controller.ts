import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CalendarCoverage } from '@civicflow/domain';
import { Roles } from '@civicflow/platform';
import { yearParam } from '../calendar-input.dto';
import { ListCalendarYearsUseCase, type YearDetail, type YearSummary } from './list-calendar-years.usecase';

@ApiTags('calendar 工作日历')
@ApiBearerAuth()
@Controller('api/v1/calendar')
export class CalendarYearsHttpController {
  constructor(private readonly years: ListCalendarYearsUseCase) {}

  /** The years around today and every year entered: official (entered / package) or provisional (law). */
  @Get('years')
  @Roles('admin', 'supervisor')
  list(): Promise<{ version: number; coverage: CalendarCoverage; years: YearSummary[] }> {
    return this.years.list();
  }

  /** One year: its arrangement, every day as the calendar answers now, and its change history (who, when, what). */
  @Get('years/:year')
  @Roles('admin', 'supervisor')
  get(@Param('year') year: string): Promise<YearDetail> {
    return this.years.get(yearParam(year));
  }

  /** How far the official arrangements reach (the console's banner); any signed-in user. */
  @Get('coverage')
  coverage(): Promise<CalendarCoverage & { version: number }> {
    return this.years.coverage();
  }
}
