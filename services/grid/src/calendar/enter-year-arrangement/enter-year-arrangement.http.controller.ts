import { Body, Controller, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type AuthUser, CurrentUser, Roles } from '@civicflow/platform';
import { calendarHttpError } from '../calendar-errors';
import { EnterYearDto, yearParam } from '../calendar-input.dto';
import { type EnteredYear, EnterYearArrangementUseCase } from './enter-year-arrangement.usecase';

@ApiTags('calendar 工作日历')
@ApiBearerAuth()
@Controller('api/v1/calendar/years/:year')
export class EnterYearArrangementHttpController {
  constructor(private readonly enter: EnterYearArrangementUseCase) {}

  /**
   * 录入/更正放假安排 (admin): saves the year's arrangement as its next version (400 with the field when it breaks the
   * law's rules, 409 when the year changed since the preview). In force without a restart; running cases whose
   * clocks touch the year recompute their deadlines.
   */
  @Put()
  @Roles('admin')
  async execute(@Param('year') year: string, @Body() body: EnterYearDto, @CurrentUser() user: AuthUser): Promise<EnteredYear> {
    try {
      const { expectedYearVersion, comment, ...input } = body;
      return await this.enter.execute({ year: yearParam(year), input, expectedYearVersion, ...(comment ? { comment } : {}) }, { userId: user.userId, name: user.name, role: user.role });
    } catch (error) {
      throw calendarHttpError(error);
    }
  }
}
