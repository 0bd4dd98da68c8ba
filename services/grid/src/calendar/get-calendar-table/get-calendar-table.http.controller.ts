import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '@civicflow/platform';
import { type CalendarTable, CalendarTableReader } from './calendar-table';

@ApiTags('calendar 工作日历')
@Controller('api/v1/calendar/table')
export class GetCalendarTableHttpController {
  constructor(private readonly tables: CalendarTableReader) {}

  /**
   * The calendar as the case worker computes with it (read every minute and when a recompute names a newer
   * version). Public like what it holds: the State Council's published holidays and offices' opening hours.
   */
  @Get()
  @Public()
  read(): Promise<CalendarTable> {
    return this.tables.read();
  }
}
